package org.datenraum.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker listens on 127.0.0.1 unless told otherwise, says so, and names why it cannot listen. */
class BindIT {

  @TempDir Path dir;
  private Broker broker;

  @AfterEach
  void stop() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void listensOnLoopbackOnlyByDefaultAndSaysSo() throws Exception {
    broker = Broker.start(BrokerConfig.of(dir, 0));
    assertThat(broker.listening()).isEqualTo("http://127.0.0.1:" + broker.port());
    try (Socket s = new Socket("127.0.0.1", broker.port())) {
      assertThat(s.isConnected()).isTrue();
    }
    Optional<InetAddress> other = NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst();
    if (other.isPresent()) {
      assertThatThrownBy(() -> {
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress(other.get(), broker.port()), 2000);
        }
      }).as("connect via %s", other.get()).isInstanceOf(java.io.IOException.class);
    }
  }

  @Test
  void everyInterfaceOnlyWhenAskedAndThenSaidSo() {
    broker = Broker.start(BrokerConfig.of(dir, 0).withHost("0.0.0.0"));
    assertThat(broker.listening()).isEqualTo("http://0.0.0.0:" + broker.port() + " (every interface of this machine)");
  }

  @Test
  void anAddressOfAnotherMachineIsNamedAsSuchNotAsAPortInUse() {
    assertThatThrownBy(() -> Broker.start(BrokerConfig.of(dir, 0).withHost("192.0.2.10")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("DR-5820 --host `192.0.2.10`")
        .hasMessageContaining("not an address of this machine")
        .hasMessageNotContaining("in use");
  }

  @Test
  void aPortInUseIsNamedAsSuch() {
    broker = Broker.start(BrokerConfig.of(dir, 0));
    assertThatThrownBy(() -> Broker.start(BrokerConfig.of(dir.resolve("second"), broker.port())))
        .hasMessageStartingWith("DR-5821 --port `" + broker.port() + "`").hasMessageContaining("in use");
  }
}
