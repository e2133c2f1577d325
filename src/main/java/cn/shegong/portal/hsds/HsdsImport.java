package cn.shegong.portal.hsds;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads an uploaded HSDS file, an HSDS tabular data package (zip) or HSDS JSON (a service_list or
 * organization_list: a list, a Page envelope, one object, or ndjson), into incoming stations and
 * the problems found, each with its table, row and field. Call it off the event loop; nothing is
 * written here.
 */
public final class HsdsImport {
  public static final long MAX_UPLOAD = 5L * 1024 * 1024;
  static final long MAX_UNZIPPED = 32L * 1024 * 1024;
  public static final int MAX_SERVICES = 5_000;
  static final int MAX_TABLE_ROWS = 60_000;

  /**
   * @param read how many services the file holds (with errors or not)
   */
  public record Read(List<HsdsIncoming> services, List<HsdsProblem> problems, int read) {}

  /** The upload is not HSDS at all; the message says why. */
  public static final class NotHsds extends IllegalArgumentException {
    public NotHsds(String message) {
      super(message);
    }
  }

  private HsdsImport() {}

  public static Read read(InputStream upload, long size) throws IOException {
    if (size == 0) throw new NotHsds("上传的文件是空的。");
    if (size > MAX_UPLOAD) throw new NotHsds("文件太大：一次最多上传 5 MB。");
    InputStream in = new BufferedInputStream(upload);
    in.mark(4);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    if (b0 == 'P' && b1 == 'K') return HsdsPackageReader.read(in);
    return HsdsJsonReader.read(in);
  }
}
