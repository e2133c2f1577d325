package cn.shegong.portal.news;

import cn.shegong.portal.common.Zones;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;

/** A dated note an editor added when changing a published article. Who wrote it is not public. */
public record Correction(Kind kind, String note, OffsetDateTime notedAt) {
  public static final int MAX_NOTE = 500;

  /** One source for the kinds: code stored and sent in the API, label shown, CSS class. */
  public enum Kind {
    CORRECTION("correction", "更正"),
    UPDATE("update", "更新");

    private final String code;
    private final String label;

    Kind(String code, String label) {
      this.code = code;
      this.label = label;
    }

    public String code() {
      return code;
    }

    public String label() {
      return label;
    }

    public static Kind fromCode(String code) {
      for (Kind k : values()) if (k.code.equals(code)) return k;
      throw new IllegalArgumentException("unknown correction kind: " + code);
    }
  }

  /** 2025年3月4日, in China time, as shown beside the note. */
  public String displayDate() {
    var d = notedAt.atZoneSameInstant(Zones.CHINA).toLocalDate();
    return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
  }

  public String isoDate() {
    return ArticleMeta.iso(notedAt);
  }

  /** "已更正" when any note corrects the article, "已更新" when it was only updated, else empty. */
  public static String badge(List<Correction> notes) {
    if (notes.stream().anyMatch(c -> c.kind() == Kind.CORRECTION)) return "已更正";
    return notes.isEmpty() ? "" : "已更新";
  }

  /** schema.org CreativeWork.correction: each note as a CorrectionComment. */
  public static JsonArray jsonLd(List<Correction> notes) {
    JsonArray out = new JsonArray();
    for (Correction c : notes) {
      out.add(
          new JsonObject()
              .put("@type", "CorrectionComment")
              .put("text", c.kind().label() + "：" + c.note())
              .put("datePublished", c.isoDate()));
    }
    return out;
  }

  /** The public API's shape; field names are a public contract. */
  public static JsonArray api(List<Correction> notes) {
    JsonArray out = new JsonArray();
    for (Correction c : notes) {
      out.add(
          new JsonObject()
              .put("kind", c.kind().code())
              .put("label", c.kind().label())
              .put("note", c.note())
              .put("noted_at", c.isoDate()));
    }
    return out;
  }

  /** For feed readers: the notes as an HTML list appended to the entry, every text escaped. */
  static String html(List<Correction> notes) {
    if (notes.isEmpty()) return "";
    StringBuilder sb = new StringBuilder("<h2>更正与更新</h2>\n<ul>\n");
    for (Correction c : notes) {
      sb.append("<li>")
          .append(c.kind().label())
          .append("（")
          .append(c.displayDate())
          .append("）：")
          .append(cn.shegong.portal.common.Html.escape(c.note()))
          .append("</li>\n");
    }
    return sb.append("</ul>\n").toString();
  }
}
