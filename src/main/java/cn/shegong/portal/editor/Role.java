package cn.shegong.portal.editor;

import static cn.shegong.portal.editor.Permission.*;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The three roles and, in this one table, what each may do. Admins: everything. Editors: everything
 * but accounts, the help lines (public numbers a resident in crisis will call) and search synonyms.
 * Contributors: write their own drafts and submit them for review; they may look at stations and
 * residents' reports but change neither, and may not publish, schedule or unpublish.
 */
public enum Role {
  ADMIN("admin", "管理员", EnumSet.allOf(Permission.class)),
  EDITOR(
      "editor",
      "编辑",
      EnumSet.complementOf(EnumSet.of(MANAGE_ACCOUNTS, MANAGE_HELPLINES, MANAGE_SYNONYMS))),
  CONTRIBUTOR(
      "contributor",
      "撰稿人",
      EnumSet.of(VIEW_DESK, EDIT_DRAFT, SUBMIT_FOR_REVIEW, VIEW_STATIONS, VIEW_REPORTS));

  private final String code;
  private final String label;
  private final Set<Permission> granted;

  Role(String code, String label, Set<Permission> granted) {
    this.code = code;
    this.label = label;
    this.granted = granted;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public boolean grants(Permission p) {
    return granted.contains(p);
  }

  public static Optional<Role> find(String code) {
    return Stream.of(values()).filter(r -> r.code.equals(code)).findFirst();
  }

  public static Role of(String code) {
    return find(code).orElseThrow(() -> new IllegalArgumentException("unknown role " + code));
  }
}
