package org.datenraum.web.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionsTest {

  private final MovingClock clock = new MovingClock(Instant.parse("2026-01-05T10:00:00Z"));
  private final Sessions sessions = new Sessions(clock, new SecureRandom(), Sessions.IDLE);

  @Test
  void signInGivesANewIdAndTokenAndEndsTheOldSession() {
    Session anonymous = sessions.open();
    Session in = sessions.signIn(anonymous, new User("alice", "researcher", "drk_x"));
    assertThat(in.id()).isNotEqualTo(anonymous.id()).hasSizeGreaterThanOrEqualTo(43);
    assertThat(in.csrf()).isNotEqualTo(anonymous.csrf()).isNotEqualTo(in.id());
    assertThat(sessions.find(anonymous.id())).isEmpty();
    assertThat(sessions.find(in.id()).orElseThrow().user().orElseThrow().name()).isEqualTo("alice");
    assertThat(in.toString()).doesNotContain(in.id()).doesNotContain(in.csrf()).doesNotContain("drk_x");
  }

  @Test
  void aSessionEndsAfterThirtyIdleMinutesButActivityKeepsIt() {
    Session s = sessions.open();
    clock.advance(Duration.ofMinutes(29));
    assertThat(sessions.find(s.id())).isPresent();
    clock.advance(Duration.ofMinutes(29));
    assertThat(sessions.find(s.id())).isPresent();
    clock.advance(Duration.ofMinutes(30));
    assertThat(sessions.find(s.id())).isEmpty();
  }

  @Test
  void aSessionEndsAfterEightHoursEvenWhenActive() {
    Session s = sessions.open();
    for (int i = 0; i < 16; i++) {
      clock.advance(Duration.ofMinutes(29));
      assertThat(sessions.find(s.id())).as("after %d checks", i).isPresent();
    }
    clock.advance(Duration.ofMinutes(29));
    assertThat(sessions.find(s.id())).isEmpty();
  }

  @Test
  void endedSessionsAreSweptOnceManyAreHeld() {
    Session kept = sessions.open();
    for (int i = 1; i < Sessions.SWEEP_AT; i++) {
      sessions.open();
    }
    clock.advance(Duration.ofMinutes(20));
    assertThat(sessions.find(kept.id())).isPresent();
    clock.advance(Duration.ofMinutes(20));
    sessions.open();
    assertThat(sessions.sweep()).as("only the kept one and the newest remain").isEqualTo(2);
  }

  @Test
  void endingAllOfAUserLeavesOthers() {
    Session a = sessions.signIn(sessions.open(), new User("alice", "researcher", "k1"));
    Session b = sessions.signIn(sessions.open(), new User("bob", "researcher", "k2"));
    sessions.endAllOf("alice");
    assertThat(sessions.find(a.id())).isEmpty();
    assertThat(sessions.find(b.id())).isPresent();
  }
}
