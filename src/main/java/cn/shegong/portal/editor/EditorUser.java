package cn.shegong.portal.editor;

/** A signed-in editor or admin, as the desk and the API see them. */
public record EditorUser(long id, String login, String role) {
  public boolean admin() {
    return "admin".equals(role);
  }
}
