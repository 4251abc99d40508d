package kz.komek.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder between the app and its database, which a test cuts and mends: {@link #cut} closes the listening
 * socket and every connection through it (what a proxy or a firewall restart does), {@link #mend} listens again on
 * the same port.
 */
public final class TcpProxy implements AutoCloseable {
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;
    private volatile int port;

    public TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        listen(0);
    }

    public int port() {
        return port;
    }

    /** The database's JDBC URL with this proxy in the way. */
    public static String via(String jdbcUrl, TcpProxy proxy) {
        return jdbcUrl.replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");
    }

    /** {@code jdbc:postgresql://host:port/db} → host, port. */
    public static TcpProxy to(String jdbcUrl) {
        var m = java.util.regex.Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/.*")
                .matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host:port/… URL: " + jdbcUrl);
        }
        return new TcpProxy(m.group(1), Integer.parseInt(m.group(2)));
    }

    private void listen(int on) {
        try {
            var s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), on));
            listener = s;
            port = s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var accepting = listener;
        Thread t = new Thread(() -> accept(accepting), "tcp-proxy-accept");
        t.setDaemon(true);
        t.start();
    }

    private void accept(ServerSocket from) {
        while (!from.isClosed()) {
            Socket client;
            try {
                client = from.accept();
            } catch (IOException e) {
                continue; // closed by cut()
            }
            open.add(client);
            try {
                Socket server = new Socket(targetHost, targetPort);
                open.add(server);
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                quietly(client); // the target refused: the client sees its connection end
            }
        }
    }

    private void pump(Socket in, Socket out) {
        Thread t = new Thread(
                () -> {
                    byte[] buf = new byte[16 * 1024];
                    try (InputStream i = in.getInputStream();
                            OutputStream o = out.getOutputStream()) {
                        for (int n; (n = i.read(buf)) >= 0; ) {
                            o.write(buf, 0, n);
                            o.flush();
                        }
                    } catch (IOException e) {
                        // one side closed
                    } finally {
                        quietly(in);
                        quietly(out);
                    }
                },
                "tcp-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    /** Closes the listening socket and every connection: the database is gone, as far as the app can tell. */
    public void cut() {
        quietly(listener);
        for (Socket s : open) {
            quietly(s);
        }
        open.clear();
    }

    /** Listens again on the same port. */
    public void mend() {
        listen(port);
    }

    private static void quietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        cut();
    }
}
