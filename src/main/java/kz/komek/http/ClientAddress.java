package kz.komek.http;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Whom a rate limit counts (votes, failed sign-ins): the client's address, from the socket or, behind a trusted
 * proxy, from the last entry of {@code X-Forwarded-For} (the one our proxy appended; entries before it are whatever
 * the client sent).
 */
public final class ClientAddress {
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    private ClientAddress() {}

    public static String of(Context ctx, boolean trustProxy) {
        String socket = ctx.req().getRemoteAddr();
        if (!trustProxy) {
            return key(socket);
        }
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null) {
            return key(socket);
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty()) {
                return key(hop);
            }
        }
        return key(socket);
    }

    /**
     * An IPv6 client usually holds a whole /64, so one is counted per /64; an IPv4 address by itself. A value that is
     * no address is counted as it is (never resolved: that would be a DNS lookup per vote).
     */
    public static String key(String address) {
        String a = address.strip();
        if (a.startsWith("[") && a.indexOf(']') > 0) {
            a = a.substring(1, a.indexOf(']')); // [2001:db8::1]:443
        }
        long colons = a.chars().filter(c -> c == ':').count();
        if (colons == 0) {
            return a;
        }
        if (colons == 1) {
            return a.substring(0, a.indexOf(':')); // 203.0.113.7:5678
        }
        if (!IPV6.matcher(a).matches()) {
            return a;
        }
        try {
            // starts with a hex digit or a colon and has colons: Java parses it as a literal, never looks it up
            byte[] bytes = InetAddress.getByName(a).getAddress();
            if (bytes.length != 16) {
                return InetAddress.getByAddress(bytes).getHostAddress(); // ::ffff:203.0.113.7
            }
            var prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)))
                        .append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return a;
        }
    }
}
