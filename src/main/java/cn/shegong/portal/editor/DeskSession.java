package cn.shegong.portal.editor;

/**
 * A live desk session. The CSRF token is derived from the session's own secret, so every tab shares
 * it.
 */
public record DeskSession(String idHash, EditorUser user, String csrfSecret, boolean secondFactor) {
  public String csrfToken() {
    return Secrets.hmac(csrfSecret, "csrf-v1");
  }

  public boolean acceptsCsrf(String token) {
    return Secrets.sameText(csrfToken(), token);
  }
}
