package dev.driftdeck.store;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Who this process is, as team mode records it: {@code host:pid} on each run it records, {@code user@host:pid} as the
 * leader's holder. Both name a process an operator can find ({@code ssh host; ps -p pid}).
 */
public final class InstanceName {

    private static final String HOST = hostName();
    private static final long PID = ProcessHandle.current().pid();

    private InstanceName() {
    }

    /** This machine's name, as the other names use it. */
    public static String host() {
        return HOST;
    }

    /** {@code host:pid}. */
    public static String hostPid() {
        return HOST + ":" + PID;
    }

    /** {@code user@host:pid}, the OS user first. */
    public static String userAtHostPid() {
        return System.getProperty("user.name", "unknown") + "@" + hostPid();
    }

    /** The {@code host:pid} of a {@code user@host:pid} (a leader's holder), as its runs name it. */
    public static String hostPidOf(String userAtHostPid) {
        return userAtHostPid.substring(userAtHostPid.lastIndexOf('@') + 1);
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // A host without a resolvable name of its own (some containers): the environment's, else a placeholder.
            return fromEnvironment == null || fromEnvironment.isBlank() ? "localhost" : fromEnvironment;
        }
    }
}
