package org.partnerprogram.core.adapter.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partnerprogram.core.domain.ConflictException;
import org.partnerprogram.core.domain.IssuedCode;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.port.out.ReferralCodeStore;

/** Referral codes, in memory. */
final class InMemoryCodes implements ReferralCodeStore {
  private final MemoryUnits units;
  private final Map<ReferralCode, IssuedCode> codesByValue = new HashMap<>();

  InMemoryCodes(MemoryUnits units) {
    this.units = units;
  }

  @Override
  public boolean insert(IssuedCode code) {
    units.unit();
    if (codesByValue.containsKey(code.code())) {
      return false;
    }
    units.put(codesByValue, code.code(), code);
    return true;
  }

  @Override
  public Optional<IssuedCode> find(ReferralCode code) {
    units.unit();
    return Optional.ofNullable(codesByValue.get(code));
  }

  @Override
  public List<IssuedCode> findByPartner(PartnerId partnerId) {
    units.unit();
    return codesByValue.values().stream()
        .filter(c -> c.partnerId().equals(partnerId))
        .sorted(Comparator.comparing(IssuedCode::issuedAt).thenComparing(c -> c.code().value()))
        .toList();
  }

  @Override
  public boolean revoke(ReferralCode code, Instant at) {
    units.unit();
    IssuedCode stored = codesByValue.get(code);
    if (stored == null || !stored.isLive()) {
      return false;
    }
    units.put(codesByValue, code, stored.revoke(at));
    return true;
  }

  @Override
  public boolean replaceCode(ReferralCode code, ReferralCode replacement) {
    units.unit();
    IssuedCode stored = codesByValue.get(code);
    if (stored == null || stored.isLive()) {
      return false;
    }
    if (codesByValue.containsKey(replacement)) {
      throw new ConflictException("referral code " + replacement + " exists already");
    }
    units.remove(codesByValue, code);
    units.put(codesByValue, replacement, stored.withCode(replacement));
    return true;
  }
}
