package io.github.matomotracking.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP listener that stands for "somewhere else": it records every connection and
 * every byte it receives (an HTTP request, or a TLS hello if someone spoke HTTPS to it) and
 * answers anything with an empty JSON array. Where the token must never go, it proves that
 * nothing arrived at all, not merely that no well-formed request did.
 */
final class RecordingServer implements AutoCloseable {

  private final ServerSocket socket;
  private final Thread acceptor;
  private final AtomicInteger connections = new AtomicInteger();
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();

  RecordingServer(InetAddress address) throws IOException {
    socket = new ServerSocket();
    socket.bind(new InetSocketAddress(address, 0));
    acceptor = new Thread(this::acceptAll, "recording-server-" + address.getHostAddress());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  String host() {
    return socket.getInetAddress().getHostAddress();
  }

  int connections() {
    return connections.get();
  }

  synchronized String received() {
    return received.toString(StandardCharsets.ISO_8859_1);
  }

  synchronized void forget() {
    received.reset();
    connections.set(0);
  }

  private void acceptAll() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        connections.incrementAndGet();
        client.setSoTimeout(500);
        InputStream in = client.getInputStream();
        byte[] buffer = new byte[8192];
        try {
          int n;
          while ((n = in.read(buffer)) > 0) {
            synchronized (this) {
              received.write(buffer, 0, n);
            }
            if (requestComplete(received())) {
              break;
            }
          }
        } catch (SocketTimeoutException quiet) {
          // the peer sent what it had
        }
        OutputStream out = client.getOutputStream();
        out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n[]"
            .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      } catch (IOException e) {
        if (socket.isClosed()) {
          return;
        }
      }
    }
  }

  /**
   * Whether the headers and as many body bytes as their Content-Length says have come: the client
   * may send the body in a later packet than the headers.
   */
  private static boolean requestComplete(String text) {
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    int length = 0;
    for (String line : text.substring(0, end).split("\r\n")) {
      if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    return text.length() - (end + 4) >= length;
  }

  @Override
  public void close() throws IOException {
    socket.close();
    try {
      acceptor.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
