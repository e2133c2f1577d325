package cn.shegong.portal.editor;

/** A signed-in account (admin, editor or contributor), as the desk and the API see it. */
public record EditorUser(long id, String login, String role) {
  public boolean admin() {
    return Roles.ADMIN.equals(role);
  }

  public boolean mayPublish() {
    return Roles.mayPublish(this);
  }

  public String roleLabel() {
    return switch (role) {
      case Roles.ADMIN -> "管理员";
      case Roles.CONTRIBUTOR -> "撰稿人";
      default -> "编辑";
    };
  }
}
