package org.datenraum.registry.icu;

import java.util.ArrayList;
import java.util.List;

/**
 * Ventilation of one stay hour by hour and its episodes. An hour's status is the highest of the
 * ventilation Procedures whose period overlaps it. An episode is a run of hours of one status;
 * runs of the same status less than {@value #BRIDGE_HOURS} h apart (hours between them) are one
 * episode, as in MIT-LCP mimic-code's ventilation concept. An invasive episode that starts less
 * than {@value #REINTUBATION_HOURS} h after the end of an earlier invasive episode of the stay is
 * a re-intubation. Immutable.
 */
public final class VentilationCourse {

  public static final int BRIDGE_HOURS = 14;
  public static final int REINTUBATION_HOURS = 48;

  private final VentilationStatus[] status;
  private final List<Episode> episodes;

  private VentilationCourse(VentilationStatus[] status) {
    this.status = status;
    this.episodes = List.copyOf(episodes(status));
  }

  static VentilationCourse of(StaySamples s) {
    VentilationStatus[] status = new VentilationStatus[s.grid.hours()];
    java.util.Arrays.fill(status, VentilationStatus.NONE);
    for (StaySamples.Span<VentilationStatus> v : s.ventilation) {
      int first = s.grid.first(v.from(), v.to());
      int last = s.grid.last(v.from(), v.to());
      for (int h = Math.max(first, 0); h <= last; h++) {
        if (v.what().compareTo(status[h]) > 0) {
          status[h] = v.what();
        }
      }
    }
    return new VentilationCourse(status);
  }

  /** The course of a stay with these hourly statuses (for tests and other callers). */
  public static VentilationCourse ofHours(VentilationStatus... hours) {
    return new VentilationCourse(hours.clone());
  }

  /** The status of an hour. */
  public VentilationStatus status(int hour) {
    return status[hour];
  }

  public int hours() {
    return status.length;
  }

  /** The episodes by start hour (statuses other than none). */
  public List<Episode> episodes() {
    return episodes;
  }

  /** Hours whose status is this one. */
  public int hoursOf(VentilationStatus s) {
    int n = 0;
    for (VentilationStatus x : status) {
      n += x == s ? 1 : 0;
    }
    return n;
  }

  private static List<Episode> episodes(VentilationStatus[] status) {
    List<Episode> out = new ArrayList<>();
    for (VentilationStatus s : VentilationStatus.values()) {
      if (s != VentilationStatus.NONE) {
        out.addAll(runs(status, s));
      }
    }
    out.sort((a, b) -> Integer.compare(a.firstHour(), b.firstHour()));
    return out;
  }

  /** The bridged runs of one status; re-intubations marked for invasive ones. */
  private static List<Episode> runs(VentilationStatus[] status, VentilationStatus s) {
    List<Episode> out = new ArrayList<>();
    int h = 0;
    while (h < status.length) {
      if (status[h] != s) {
        h++;
        continue;
      }
      int first = h;
      while (h < status.length && status[h] == s) {
        h++;
      }
      int last = h - 1;
      Episode prev = out.isEmpty() ? null : out.get(out.size() - 1);
      int gap = prev == null ? Integer.MAX_VALUE : first - prev.lastHour() - 1;
      if (gap < BRIDGE_HOURS) {
        out.set(out.size() - 1, new Episode(s, prev.firstHour(), last, prev.reintubation()));
      } else {
        boolean reintubation = s == VentilationStatus.INVASIVE && gap < REINTUBATION_HOURS;
        out.add(new Episode(s, first, last, reintubation));
      }
    }
    return out;
  }
}
