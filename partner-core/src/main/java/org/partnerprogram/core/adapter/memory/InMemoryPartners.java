package org.partnerprogram.core.adapter.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partnerprogram.core.domain.ConflictException;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PayoutAccountChange;
import org.partnerprogram.core.domain.RetryableException;
import org.partnerprogram.core.port.out.PartnerStore;

/** Partners and their payout-account history, in memory. */
final class InMemoryPartners implements PartnerStore {
  private final MemoryUnits units;
  private final Map<PartnerId, Partner> partnersById = new HashMap<>();
  private final Map<CustomerAccountId, PartnerId> partnersByAccount = new HashMap<>();
  private final Map<PartnerId, List<PayoutAccountChange>> accountHistory = new HashMap<>();

  InMemoryPartners(MemoryUnits units) {
    this.units = units;
  }

  @Override
  public boolean insert(Partner partner) {
    units.unit();
    if (partnersByAccount.containsKey(partner.customerAccountId())) {
      return false;
    }
    if (partnersById.containsKey(partner.id())) {
      throw new ConflictException("a partner with id " + partner.id() + " exists already");
    }
    units.put(partnersById, partner.id(), partner);
    units.put(partnersByAccount, partner.customerAccountId(), partner.id());
    return true;
  }

  @Override
  public Optional<Partner> findById(PartnerId id) {
    units.unit();
    return Optional.ofNullable(partnersById.get(id));
  }

  @Override
  public Optional<Partner> findByCustomerAccount(CustomerAccountId account) {
    units.unit();
    return Optional.ofNullable(partnersByAccount.get(account)).map(partnersById::get);
  }

  @Override
  public void update(Partner partner) {
    units.unit();
    Partner stored = partnersById.get(partner.id());
    if (stored == null) {
      throw new NotFoundException("no partner with id " + partner.id());
    }
    if (stored.version() != partner.version() - 1) {
      throw new RetryableException(
          "partner "
              + partner.id()
              + " was changed concurrently (stored version "
              + stored.version()
              + ", update based on "
              + (partner.version() - 1)
              + ")",
          null);
    }
    if (!stored.customerAccountId().equals(partner.customerAccountId())) {
      if (partnersByAccount.containsKey(partner.customerAccountId())) {
        throw new ConflictException(
            "customer account of partner " + partner.id() + " belongs to another partner");
      }
      units.remove(partnersByAccount, stored.customerAccountId());
      units.put(partnersByAccount, partner.customerAccountId(), partner.id());
    }
    units.put(partnersById, partner.id(), partner);
  }

  @Override
  public int deletePayoutAccountHistory(PartnerId id) {
    units.unit();
    List<PayoutAccountChange> history = accountHistory.get(id);
    if (history == null || history.isEmpty()) {
      return 0;
    }
    BitSet all = new BitSet();
    all.set(0, history.size());
    int deleted = history.size();
    units.removeAt(history, all);
    return deleted;
  }

  @Override
  public void appendPayoutAccountChange(PayoutAccountChange change) {
    units.unit();
    List<PayoutAccountChange> history = accountHistory.get(change.partnerId());
    if (history == null) {
      units.put(accountHistory, change.partnerId(), new ArrayList<>());
      history = accountHistory.get(change.partnerId());
    }
    for (PayoutAccountChange earlier : history) {
      if (earlier.partnerVersion() == change.partnerVersion()) {
        throw new ConflictException(
            "partner "
                + change.partnerId()
                + " has a payout-account change for version "
                + change.partnerVersion()
                + " already");
      }
    }
    units.append(history, change);
  }

  @Override
  public List<PayoutAccountChange> payoutAccountHistory(PartnerId id) {
    units.unit();
    List<PayoutAccountChange> history = new ArrayList<>(accountHistory.getOrDefault(id, List.of()));
    history.sort(Comparator.comparingLong(PayoutAccountChange::partnerVersion));
    return List.copyOf(history);
  }

  @Override
  public int deletePayoutAccountsSupersededBefore(Instant cutoff, int limit) {
    units.unit();
    // Each superseded entry with the instant its successor was made; the earliest first.
    record Superseded(List<PayoutAccountChange> history, int position, Instant at) {}
    List<Superseded> due = new ArrayList<>();
    for (List<PayoutAccountChange> history : accountHistory.values()) {
      List<PayoutAccountChange> byVersion = new ArrayList<>(history);
      byVersion.sort(Comparator.comparingLong(PayoutAccountChange::partnerVersion));
      for (int i = 0; i + 1 < byVersion.size(); i++) {
        Instant at = byVersion.get(i + 1).changedAt();
        if (at.isBefore(cutoff)) {
          due.add(new Superseded(history, history.indexOf(byVersion.get(i)), at));
        }
      }
    }
    due.sort(Comparator.comparing(Superseded::at));
    Map<List<PayoutAccountChange>, BitSet> doomed = new IdentityHashMap<>();
    int deleted = 0;
    for (Superseded s : due.subList(0, Math.min(limit, due.size()))) {
      doomed.computeIfAbsent(s.history(), h -> new BitSet()).set(s.position());
      deleted++;
    }
    doomed.forEach((history, positions) -> units.removeAt(history, positions));
    return deleted;
  }

  /** The partners by id, live: the report store reads them. */
  Map<PartnerId, Partner> partnersById() {
    return partnersById;
  }
}
