package cn.shegong.portal.editor;

/** A signed-in account, as the desk and the API see it. */
public record EditorUser(long id, String login, Role role) {
  public boolean may(Permission p) {
    return role.grants(p);
  }

  /** For templates: {@code me.may("PUBLISH")}. */
  public boolean may(String permission) {
    return role.grants(Permission.valueOf(permission));
  }

  public String roleLabel() {
    return role.label();
  }
}
