package cn.shegong.portal.editor;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.news.Correction;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * What an editor says about a change to a published article: a public 更正/更新 note, or "typo only"
 * (audited, not shown). {@link #NONE} when nothing was said; then a published article's text may
 * not change.
 */
record ChangeNote(String kind, String note) {
  static final String TYPO = "typo";
  static final ChangeNote NONE = new ChangeNote("", "");
  static final String REQUIRED = "这篇文章已经发布：修改内容须选择“更正”或“更新”并写一句说明（会显示在文末），" + "或选择“仅改错别字”（记入审计日志）。";

  /** Desk form fields change_kind (correction, update, typo or empty) and change_note. */
  static ChangeNote fromForm(Map<String, String> f) {
    return of(f.getOrDefault("change_kind", ""), f.getOrDefault("change_note", ""));
  }

  /** The API's optional "change": {"kind": "correction" | "update" | "typo", "note": "…"}. */
  static ChangeNote fromJson(JsonObject body) {
    Object c = body.getValue("change");
    if (c == null) return NONE;
    if (!(c instanceof JsonObject o)
        || !(o.getValue("kind") instanceof String k)
        || (o.getValue("note") != null && !(o.getValue("note") instanceof String))) {
      throw HttpError.badRequest(
          "change 应为 {\"kind\": \"correction\"、\"update\" 或 \"typo\", \"note\": \"说明\"}");
    }
    return of(k, o.getString("note", ""));
  }

  private static ChangeNote of(String kind, String note) {
    String k = kind == null ? "" : kind.strip();
    String n = note == null ? "" : note.replace("\r\n", "\n").strip();
    if (k.isEmpty()) return NONE;
    if (!k.equals(TYPO)) {
      try {
        Correction.Kind.fromCode(k);
      } catch (IllegalArgumentException e) {
        throw HttpError.badRequest("修改说明的类型应为 correction（更正）、update（更新）或 typo（仅改错别字）");
      }
      if (n.isEmpty())
        throw HttpError.badRequest("请为“" + Correction.Kind.fromCode(k).label() + "”写一句说明。");
      if (n.length() > Correction.MAX_NOTE)
        throw HttpError.badRequest("说明最多 " + Correction.MAX_NOTE + " 个字。");
      if (n.indexOf('\0') >= 0) throw HttpError.badRequest("说明中含有无效字符（NUL）");
    }
    return new ChangeNote(k, k.equals(TYPO) ? "" : n);
  }

  boolean isNone() {
    return kind.isEmpty();
  }

  boolean isTypo() {
    return kind.equals(TYPO);
  }
}
