package cn.shegong.portal.editor;

import io.vertx.core.http.HttpMethod;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who may do what, decided in one place on the normalised path. Admins: everything. Editors: everything
 * but accounts. Contributors: write and revise articles; they may look at stations and reports but not
 * change them, and may not publish, schedule or unpublish.
 */
final class Roles {
  static final String ADMIN = "admin";
  static final String EDITOR = "editor";
  static final String CONTRIBUTOR = "contributor";
  private static final Pattern PUBLISHING = Pattern.compile("^/editor/articles/[^/]+/(publish|unpublish|schedule)$");

  private Roles() {}

  static boolean valid(String role) {
    return role.equals(ADMIN) || role.equals(EDITOR) || role.equals(CONTRIBUTOR);
  }

  static boolean mayPublish(EditorUser user) {
    return !CONTRIBUTOR.equals(user.role());
  }

  /** Empty when allowed, else the reason for a 403. */
  static Optional<String> refusal(EditorUser user, HttpMethod method, String path) {
    if (under(path, "/editor/users") && !user.admin()) return Optional.of("只有管理员可以管理账号。");
    if (mayPublish(user)) return Optional.empty();
    if (PUBLISHING.matcher(path).matches()) return Optional.of("撰稿人不能发布、定时发布或撤下文章，请编辑处理。");
    boolean reading = method == HttpMethod.GET || method == HttpMethod.HEAD;
    if (!reading && (under(path, "/editor/stations") || under(path, "/editor/reports"))) {
      return Optional.of("撰稿人不能修改服务站点信息。");
    }
    return Optional.empty();
  }

  private static boolean under(String path, String prefix) {
    return path.equals(prefix) || path.startsWith(prefix + "/");
  }
}
