package org.partnerprogram.core.adapter.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partnerprogram.core.domain.ConflictException;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.domain.RateVersion;
import org.partnerprogram.core.port.out.RateStore;

/** Rate versions and their labels, in memory. */
final class InMemoryRates implements RateStore {
  private final MemoryUnits units;
  private final Map<Optional<PartnerId>, List<RateVersion>> rateVersions = new HashMap<>();
  private final Map<VersionKey, Map<RateTarget, String>> labels = new HashMap<>();

  private record VersionKey(Optional<PartnerId> scope, int number) {}

  InMemoryRates(MemoryUnits units) {
    this.units = units;
  }

  @Override
  public boolean insert(RateVersion version) {
    units.unit();
    List<RateVersion> versions = rateVersions.get(version.partnerId());
    if (versions != null) {
      for (RateVersion v : versions) {
        if (v.number() == version.number() || v.effectiveFrom().equals(version.effectiveFrom())) {
          return false;
        }
      }
    } else {
      units.put(rateVersions, version.partnerId(), new ArrayList<>());
      versions = rateVersions.get(version.partnerId());
    }
    units.append(versions, version);
    return true;
  }

  @Override
  public Optional<RateVersion> latest(Optional<PartnerId> scope) {
    units.unit();
    return rateVersions.getOrDefault(scope, List.of()).stream()
        .max(Comparator.comparingInt(RateVersion::number));
  }

  @Override
  public Optional<RateVersion> inForceAt(Optional<PartnerId> scope, Instant at) {
    units.unit();
    return rateVersions.getOrDefault(scope, List.of()).stream()
        .filter(v -> !v.effectiveFrom().isAfter(at))
        .max(Comparator.comparing(RateVersion::effectiveFrom));
  }

  @Override
  public List<RateVersion> versions(Optional<PartnerId> scope) {
    units.unit();
    return rateVersions.getOrDefault(scope, List.of()).stream()
        .sorted(Comparator.comparingInt(RateVersion::number))
        .toList();
  }

  @Override
  public void insertLabels(
      Optional<PartnerId> scope, int versionNumber, Map<RateTarget, String> labels) {
    units.unit();
    if (labels.isEmpty()) {
      return;
    }
    RateVersion version =
        rateVersions.getOrDefault(scope, List.of()).stream()
            .filter(v -> v.number() == versionNumber)
            .findFirst()
            .orElseThrow(
                () -> new NotFoundException("no rate version " + versionNumber + " to label"));
    for (RateTarget target : labels.keySet()) {
      if (!version.rates().containsKey(target)) {
        throw new ConflictException(target + " is not in rate version " + versionNumber);
      }
    }
    units.put(this.labels, new VersionKey(scope, versionNumber), Map.copyOf(labels));
  }

  @Override
  public Map<RateTarget, String> labels(Optional<PartnerId> scope, int versionNumber) {
    units.unit();
    return labels.getOrDefault(new VersionKey(scope, versionNumber), Map.of());
  }
}
