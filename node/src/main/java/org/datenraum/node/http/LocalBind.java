package org.datenraum.node.http;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;

/** Checks, before the server starts, that the address to listen on belongs to this machine. */
final class LocalBind {

  private LocalBind() {}

  static void check(String bind) {
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("DR-7105 --http-bind `" + bind + "` is not a known address: give an IP"
          + " address of this machine (default 127.0.0.1).");
    }
    if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
      return;
    }
    try {
      if (NetworkInterface.getByInetAddress(address) == null) {
        throw new IllegalArgumentException("DR-7105 --http-bind `" + bind + "` is not an address of this machine:"
            + " give one of its own addresses or 127.0.0.1.");
      }
    } catch (SocketException e) {
      throw new IllegalArgumentException("DR-7105 --http-bind `" + bind + "`: the network interfaces of this"
          + " machine cannot be read (" + e.getMessage() + ").");
    }
  }
}
