package cn.shegong.portal.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A plain TCP connection to the portal for what an HTTP client will not do: send half a request, a
 * body slower or longer than declared, and see exactly when the server answers or closes.
 */
public final class RawHttp implements AutoCloseable {
  private final Socket socket;
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();

  private RawHttp(Socket socket) {
    this.socket = socket;
  }

  public static RawHttp connect(int port) throws IOException {
    Socket s = new Socket("127.0.0.1", port);
    s.setTcpNoDelay(true);
    return new RawHttp(s);
  }

  /** Sends text as UTF-8; false when the server has already closed the connection. */
  public boolean send(String text) {
    return send(text.getBytes(StandardCharsets.UTF_8));
  }

  public boolean send(byte[] bytes) {
    try {
      socket.getOutputStream().write(bytes);
      socket.getOutputStream().flush();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * What the server sent until it closed the connection or {@code millis} passed; null when it had
   * closed.
   */
  public String readFor(long millis) throws IOException {
    long until = System.currentTimeMillis() + millis;
    InputStream in = socket.getInputStream();
    byte[] buf = new byte[8192];
    while (System.currentTimeMillis() < until) {
      socket.setSoTimeout((int) Math.max(1, Math.min(200, until - System.currentTimeMillis())));
      try {
        int n = in.read(buf);
        if (n < 0) return null;
        received.write(buf, 0, n);
      } catch (SocketTimeoutException e) {
        // keep waiting
      } catch (IOException e) {
        return null; // reset by the server
      }
    }
    return received.toString(StandardCharsets.UTF_8);
  }

  /** Reads until the server closes the connection (true) or {@code millis} pass (false). */
  public boolean closedWithin(long millis) throws IOException {
    return readFor(millis) == null;
  }

  /** Everything received so far. */
  public String received() {
    return received.toString(StandardCharsets.UTF_8);
  }

  /**
   * Waits until a response's status line has arrived (or the connection closed); the status, or -1.
   */
  public int statusWithin(long millis) throws IOException {
    long until = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < until) {
      String text = readFor(100);
      String all = received();
      if (all.startsWith("HTTP/1.1 ") && all.length() >= 12)
        return Integer.parseInt(all.substring(9, 12));
      if (text == null) return -1;
    }
    return -1;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
