package org.datenraum.broker.internal;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;

/** Checks, before the server starts, that the address to listen on belongs to this machine. */
public final class BindAddress {

  private BindAddress() {}

  /** Throws {@link IllegalArgumentException} naming the cause when the broker cannot listen on {@code host}. */
  public static void check(String host) {
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("DR-5820 --host `" + host + "` is not a known address: give an IP address"
          + " of this machine or a name that resolves to one (default 127.0.0.1, 0.0.0.0 for every interface).");
    }
    if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
      return;
    }
    try {
      if (NetworkInterface.getByInetAddress(address) == null) {
        throw new IllegalArgumentException("DR-5820 --host `" + host + "` (" + address.getHostAddress()
            + ") is not an address of this machine: give one of its own addresses, 127.0.0.1 or 0.0.0.0.");
      }
    } catch (SocketException e) {
      throw new IllegalArgumentException("DR-5820 --host `" + host + "`: the network interfaces of this machine"
          + " cannot be read (" + e.getMessage() + ").");
    }
  }

  /** Where the broker listens, in words: an address, or every interface. */
  public static String describe(String scheme, String host, int port) {
    String url = scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    boolean every;
    try {
      every = InetAddress.getByName(host).isAnyLocalAddress();
    } catch (UnknownHostException e) {
      every = false;
    }
    return every ? url + " (every interface of this machine)" : url;
  }
}
