package cn.shegong.portal.news;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * An article's share card (og:image): 1200 × 630 PNG with the title, source, date and the portal's
 * mark, drawn with Java2D in a font that has Chinese glyphs (e.g. Debian's fonts-wqy-microhei or
 * fonts-noto-cjk). Blocking: call on a worker thread.
 */
final class ShareCard {
  static final int WIDTH = 1200;
  static final int HEIGHT = 630;
  private static final Color BLUE = new Color(0x0b5cad);
  private static final Color INK = new Color(0x1b1f23);
  private static final String PROBE = "社工服务地图心理健康站报道";

  private final String family;

  private ShareCard(String family) {
    this.family = family;
  }

  /** Empty when no installed font draws Chinese: then no card, rather than boxes. */
  static Optional<ShareCard> withInstalledFont() {
    return Arrays.stream(
            GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
        .filter(f -> new Font(f, Font.PLAIN, 20).canDisplayUpTo(PROBE) == -1)
        .sorted((a, b) -> Integer.compare(rank(a), rank(b)))
        .findFirst()
        .map(ShareCard::new);
  }

  private static int rank(String family) {
    String f = family.toLowerCase();
    if (f.contains("noto sans cjk sc") || f.equals("wenquanyi micro hei")) return 0;
    return f.contains("mono") ? 2 : 1;
  }

  byte[] render(String title, String source, String date, String siteName) {
    BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      g.setColor(BLUE);
      g.fillRect(0, 0, WIDTH, 16);
      mark(g, 72, 470, 4.0);
      g.setColor(INK);
      g.setFont(new Font(family, Font.BOLD, 60));
      int y = 150;
      for (String line : wrap(title, g.getFontMetrics(), WIDTH - 144, 4)) {
        g.drawString(line, 72, y);
        y += 84;
      }
      g.setFont(new Font(family, Font.PLAIN, 34));
      g.setColor(new Color(0x57606a));
      String byline =
          String.join(" · ", List.of(source, date).stream().filter(s -> !s.isBlank()).toList());
      if (!byline.isEmpty())
        g.drawString(
            wrap(byline, g.getFontMetrics(), WIDTH - 144, 1).get(0), 72, Math.max(y + 10, 420));
      g.setColor(BLUE);
      g.setFont(new Font(family, Font.BOLD, 40));
      g.drawString(siteName, 72 + 150, 560);
    } finally {
      g.dispose();
    }
    try (var out = new ByteArrayOutputStream()) {
      ImageIO.write(img, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The pin of favicon.svg (a 32-unit box), drawn at (x, y) scaled by k. */
  private static void mark(Graphics2D g, int x, int y, double k) {
    Graphics2D m = (Graphics2D) g.create();
    m.translate(x, y);
    m.scale(k, k);
    m.setColor(BLUE);
    m.fill(new Ellipse2D.Double(7, 4, 18, 18));
    Path2D p = new Path2D.Double();
    p.moveTo(16, 31);
    p.lineTo(8, 18);
    p.lineTo(24, 18);
    p.closePath();
    m.fill(p);
    m.setColor(Color.WHITE);
    m.fill(new Ellipse2D.Double(12, 9, 8, 8));
    m.dispose();
  }

  /**
   * Character by character (Chinese has no spaces), at most maxLines, the last ending in … when
   * cut.
   */
  static List<String> wrap(String text, FontMetrics fm, int width, int maxLines) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int[] cps = text.strip().codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      line.appendCodePoint(cps[i]);
      if (fm.stringWidth(line.toString()) > width) {
        line.setLength(line.length() - Character.charCount(cps[i]));
        if (lines.size() == maxLines - 1) {
          lines.add(line.substring(0, Math.max(0, line.length() - 1)) + "…");
          return lines;
        }
        lines.add(line.toString());
        line.setLength(0);
        line.appendCodePoint(cps[i]);
      }
    }
    if (!line.isEmpty()) lines.add(line.toString());
    return lines;
  }
}
