package cn.shegong.portal.editor;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The pure rules of the second factor, on the TOTP library: secrets, codes per 30-second step,
 * URIs, QR codes.
 */
public final class Totp {
  static final int PERIOD = 30;
  static final int DIGITS = 6;
  static final String ISSUER = "社工服务地图";
  private static final DefaultCodeGenerator CODES =
      new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);

  private Totp() {}

  public static String newSecret() {
    return new DefaultSecretGenerator(32).generate();
  }

  public static List<String> newRecoveryCodes() {
    return List.of(new RecoveryCodeGenerator().generateCodes(10));
  }

  /** Recovery codes are compared without case, spaces or dashes. */
  static String normalise(String code) {
    return code == null ? "" : code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
  }

  public static long step(long epochSeconds) {
    return Math.floorDiv(epochSeconds, PERIOD);
  }

  /** The step (now, or one either side for clock drift) whose code this is; empty when none. */
  public static OptionalLong matchingStep(String secret, String code, long epochSeconds) {
    String c = code == null ? "" : code.strip();
    if (!c.matches("\\d{" + DIGITS + "}")) return OptionalLong.empty();
    long now = step(epochSeconds);
    for (long s = now - 1; s <= now + 1; s++) {
      if (MessageDigest.isEqual(
          c.getBytes(StandardCharsets.US_ASCII),
          code(secret, s).getBytes(StandardCharsets.US_ASCII))) {
        return OptionalLong.of(s);
      }
    }
    return OptionalLong.empty();
  }

  static String code(String secret, long step) {
    try {
      return CODES.generate(secret, step);
    } catch (CodeGenerationException e) {
      throw new IllegalStateException("TOTP code generation failed", e);
    }
  }

  public static String uri(String login, String secret) {
    return new QrData.Builder()
        .label(login)
        .secret(secret)
        .issuer(ISSUER)
        .algorithm(HashingAlgorithm.SHA1)
        .digits(DIGITS)
        .period(PERIOD)
        .build()
        .getUri();
  }

  /**
   * The URI as a QR code in SVG, one path of dark modules: drawn here, so no third party sees the
   * secret.
   */
  public static String qrSvg(String text) {
    try {
      BitMatrix m =
          new QRCodeWriter()
              .encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.MARGIN, 4));
      StringBuilder d = new StringBuilder();
      for (int y = 0; y < m.getHeight(); y++) {
        for (int x = 0; x < m.getWidth(); x++) {
          if (m.get(x, y)) d.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
        }
      }
      return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
          + m.getWidth()
          + " "
          + m.getHeight()
          + "\" width=\"240\" height=\"240\" role=\"img\" aria-label=\"两步验证二维码\" shape-rendering=\"crispEdges\">"
          + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\""
          + d
          + "\"/></svg>";
    } catch (WriterException e) {
      throw new IllegalStateException("QR encoding failed", e);
    }
  }
}
