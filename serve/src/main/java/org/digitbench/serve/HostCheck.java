package org.digitbench.serve;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which requests a browser may make of the server. A page on another site must not reach it: by a name that
 * resolves to this machine (DNS rebinding), so the {@code Host} must be one of the names the server listens under;
 * nor by posting a form or a script's request from its own origin, so a request's {@code Origin}, when it has one,
 * must be the server's own. A request without an {@code Origin} (curl, a script) is not a browser's cross-site one.
 */
final class HostCheck {
    private final Set<String> names = new HashSet<>();

    /**
     * @param listen the address the server listens on: loopback admits the loopback names, a wildcard address the
     *               machine's own names and addresses, any other address itself
     * @param extra  more host names to admit
     */
    HostCheck(String listen, List<String> extra) {
        names.add(normal(listen));
        InetAddress address = null;
        try {
            address = InetAddress.getByName(listen);
        } catch (java.net.UnknownHostException ignored) {
            // the server would not have started
        }
        if (address != null && address.isLoopbackAddress()) {
            names.addAll(List.of("localhost", "127.0.0.1", "[::1]"));
        } else if (address != null && address.isAnyLocalAddress()) {
            names.addAll(List.of("localhost", "127.0.0.1", "[::1]"));
            try {
                names.add(normal(InetAddress.getLocalHost().getHostName()));
                names.add(normal(InetAddress.getLocalHost().getCanonicalHostName()));
            } catch (java.net.UnknownHostException ignored) {
                // no name for this machine
            }
            try {
                for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                        String h = a.getHostAddress();
                        int zone = h.indexOf('%');
                        h = zone < 0 ? h : h.substring(0, zone);
                        names.add(normal(h.contains(":") ? "[" + h + "]" : h));
                    }
                }
            } catch (SocketException ignored) {
                // no interfaces to list
            }
        } else if (address != null) {
            String h = address.getHostAddress();
            names.add(normal(h.contains(":") ? "[" + h + "]" : h));
        }
        extra.forEach(e -> names.add(normal(e)));
    }

    private static String normal(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.contains(":") && !h.startsWith("[")) {
            h = "[" + h + "]";
        }
        return h;
    }

    /** The host part of a Host header or an origin's authority ({@code name:port}, {@code [v6]:port}). */
    private static String hostOf(String authority) {
        String a = authority.strip().toLowerCase(Locale.ROOT);
        if (a.startsWith("[")) {
            int end = a.indexOf(']');
            return end < 0 ? a : a.substring(0, end + 1);
        }
        int colon = a.lastIndexOf(':');
        return colon < 0 ? a : a.substring(0, colon);
    }

    /** Why a request is refused, or {@code null} when it is admitted. */
    String refusal(String hostHeader, String origin, String method) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return "Host header missing: name this server as the address it listens under";
        }
        if (!names.contains(hostOf(hostHeader))) {
            return "Host '" + hostHeader + "' is not a name this server listens under (" + String.join(", ", new java.util.TreeSet<>(names))
                    + "); start it with --allow-host NAME to admit another";
        }
        if (origin != null && !origin.equals("null") && !origin.equalsIgnoreCase("http://" + hostHeader.strip())) {
            return "Origin '" + origin + "' is not this server's own (http://" + hostHeader.strip() + "): cross-site requests are refused";
        }
        if (origin != null && origin.equals("null") && !"GET".equals(method) && !"HEAD".equals(method)) {
            return "Origin 'null' (a sandboxed or local page) may not post to this server";
        }
        return null;
    }

    /**
     * Text from a request made safe to print on the console: control and formatting characters (a newline that forges a
     * log line, an ANSI escape, a right-to-left override) become '?'.
     */
    static String printable(String text) {
        return text == null ? "null" : text.replaceAll("[\\p{Cntrl}\\p{Cf}\\u2028\\u2029]", "?");
    }

    /**
     * Refuses an address that is not this machine's before the server tries it: the socket's own error for one
     * ("Cannot assign requested address") reaches the user as a taken port.
     */
    static void requireLocalAddress(String host) {
        java.net.InetAddress address;
        try {
            address = java.net.InetAddress.getByName(host);
        } catch (java.net.UnknownHostException e) {
            throw new org.digitbench.api.DigitbenchException("--host " + host + ": no such host name");
        }
        try {
            if (!address.isAnyLocalAddress() && !address.isLoopbackAddress()
                    && java.net.NetworkInterface.getByInetAddress(address) == null) {
                throw new org.digitbench.api.DigitbenchException("--host " + host + ": " + address.getHostAddress()
                        + " is not an address of this machine; give 127.0.0.1 (the default), 0.0.0.0 or one of its own addresses");
            }
        } catch (java.net.SocketException e) {
            throw new org.digitbench.api.DigitbenchException("--host " + host + ": cannot check it: " + e.getMessage(), e);
        }
    }
}
