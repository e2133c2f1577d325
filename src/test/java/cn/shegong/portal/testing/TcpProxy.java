package cn.shegong.portal.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP proxy in front of PostgreSQL that a test can take down and bring back, so "the
 * database went away" is a real broken connection, not a mock.
 */
public final class TcpProxy {
  private final Vertx vertx;
  private final String targetHost;
  private final int targetPort;
  private final Set<NetSocket> sockets = ConcurrentHashMap.newKeySet();
  private final NetClient client;
  private NetServer server;
  private int port;

  public TcpProxy(Vertx vertx, String targetHost, int targetPort) {
    this.vertx = vertx;
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.client = vertx.createNetClient();
  }

  /** Starts listening, on a free port the first time and on the same port after {@link #down()}. */
  public Future<Integer> up() {
    server = vertx.createNetServer().connectHandler(this::relay);
    return server
        .listen(port, "127.0.0.1")
        .map(
            s -> {
              port = s.actualPort();
              return port;
            });
  }

  /** Stops listening and cuts every open connection, as a crashed database server would. */
  public Future<Void> down() {
    sockets.forEach(NetSocket::close);
    sockets.clear();
    return server.close();
  }

  public int port() {
    return port;
  }

  private void relay(NetSocket inbound) {
    inbound.pause();
    sockets.add(inbound);
    client
        .connect(targetPort, targetHost)
        .onComplete(
            ar -> {
              if (ar.failed()) {
                inbound.close();
                return;
              }
              NetSocket outbound = ar.result();
              sockets.add(outbound);
              inbound.handler(outbound::write);
              outbound.handler(inbound::write);
              inbound.closeHandler(v -> outbound.close());
              outbound.closeHandler(v -> inbound.close());
              inbound.resume();
            });
  }
}
