package org.datenraum.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.nio.file.Path;
import org.datenraum.federation.BrokerClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Request bodies are limited whether they announce their length or stream in chunks. */
class BodyLimitIT {

  private static final long FIFTY_MB = 50L * 1000 * 1000;

  @TempDir Path dir;
  private Broker broker;

  @AfterEach
  void stop() {
    if (broker != null) {
      broker.close();
    }
  }

  private String researcherKey() throws Exception {
    broker = Broker.start(BrokerConfig.of(dir, 0).withHost("127.0.0.1"));
    BrokerClient op = BrokerClient.of(broker.localUri(), Files.readString(dir.resolve("operator.key")));
    return op.addResearcher("alice").orThrow().key();
  }

  @Test
  void aFiftyMegabyteChunkedBodyIsRefusedWith413BeforeItIsRead() throws Exception {
    String key = researcherKey();
    ChunkedUpload.Outcome out;
    long heap;
    try (HeapPeak peak = new HeapPeak()) {
      out = ChunkedUpload.submission(broker.port(), key, FIFTY_MB);
      heap = peak.growthMiB();
    }
    System.out.printf("50 MB chunked submission: %s after %,d body bytes sent; heap peak +%d MiB%n",
        out.statusLine(), out.writtenAtAnswer(), heap);
    assertThat(out.status()).isEqualTo(413);
    assertThat(out.body()).contains("application/problem+json").contains("DR-5413").contains("1000000 bytes");
    assertThat(out.writtenAtAnswer()).isLessThanOrEqualTo(ChunkedUpload.PAUSE_AT + 64 * 1024);
  }

  @Test
  void anAnnouncedLengthOverTheLimitIsRefusedOnEveryPathBeforeAuthentication() throws Exception {
    researcherKey();
    HttpClient http = HttpClient.newHttpClient();
    for (String path : List.of("/v1/requests", "/v1/admin/sites", "/no/such/route")) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(broker.localUri() + path))
          .POST(BodyPublishers.ofByteArray(new byte[1_000_001])).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(path).isEqualTo(413);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json; charset=utf-8");
      assertThat(r.body()).contains("\"code\":\"DR-5413\"").contains("1000001 bytes");
    }
  }

  @Test
  void aChunkedBodyAtTheLimitIsRead() throws Exception {
    researcherKey();
    String operator = Files.readString(dir.resolve("operator.key")).strip();
    ChunkedUpload.Outcome out = ChunkedUpload.post(broker.port(), "/v1/admin/researchers", operator,
        "{\"name\":\"bob\",\"unknownFieldsAreIgnored\":\"", "\"}", 1_000_000);
    assertThat(out.status()).isEqualTo(201);
  }
}
