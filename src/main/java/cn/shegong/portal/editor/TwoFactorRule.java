package cn.shegong.portal.editor;

import java.util.List;

/**
 * PORTAL_REQUIRE_2FA: the roles that must have a second factor. Until such an account has enrolled,
 * the desk shows it only the enrolment page (and lets it sign out); the editor API refuses its
 * tokens.
 */
record TwoFactorRule(List<String> roles) {
  static final String MESSAGE = "此账号须先启用两步验证（编辑工作台 /editor/2fa）才能继续。";

  boolean mustEnrol(EditorUser user, boolean enrolled) {
    return !enrolled && roles.contains(user.role().code());
  }

  static boolean reachableUnenrolled(String path) {
    return path.equals(EnrolmentRoutes.ENROL) || path.equals("/editor/logout");
  }
}
