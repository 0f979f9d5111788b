package org.partnerprogram.core;

import org.partnerprogram.core.domain.Adjustment;
import org.partnerprogram.core.port.in.AdjustCommand;
import org.partnerprogram.core.port.in.Corrections;
import org.partnerprogram.core.port.in.WriteOffCommand;

/** The facade's {@link Corrections}: an operator's adjustments and write-offs. */
final class CorrectionsGroup implements Corrections {
  private final CorrectionService corrections;

  CorrectionsGroup(CorrectionService corrections) {
    this.corrections = corrections;
  }

  @Override
  public Adjustment adjust(AdjustCommand command) {
    return corrections.adjust(command);
  }

  @Override
  public Adjustment writeOff(WriteOffCommand command) {
    return corrections.writeOff(command);
  }
}
