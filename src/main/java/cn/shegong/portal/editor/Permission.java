package cn.shegong.portal.editor;

/**
 * What an action in the desk or the editor API needs. Every /editor and /api/editor route states
 * one where it is registered ({@link DeskRouter}); {@link Role} grants them, in one table.
 */
public enum Permission {
  VIEW_DESK("进入编辑工作台"),
  EDIT_DRAFT("撰写和修改自己的草稿"),
  SUBMIT_FOR_REVIEW("提交草稿审核"),
  EDIT_OTHERS_DRAFTS("修改他人的草稿"),
  PUBLISH("发布、定时发布、撤下文章或退回修改"),
  EDIT_PUBLISHED("修改已发布、待审或已撤下的文章"),
  VIEW_STATIONS("查看服务站点记录"),
  EDIT_STATIONS("修改服务站点信息"),
  VIEW_REPORTS("查看居民报错"),
  REVIEW_REPORTS("处理居民报错"),
  INVITE_STATION_UPDATES("邀请站点自行更新信息"),
  REVIEW_STATION_UPDATES("审核站点提交的更新"),
  VIEW_AUDIT("查看操作记录"),
  VIEW_SEARCH_GAPS("查看读者没搜到的内容（只有次数）"),
  MANAGE_SYNONYMS("编辑搜索同义词"),
  MANAGE_ACCOUNTS("管理账号"),
  MANAGE_HELPLINES("管理求助热线和危机词");

  private final String label;

  Permission(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
