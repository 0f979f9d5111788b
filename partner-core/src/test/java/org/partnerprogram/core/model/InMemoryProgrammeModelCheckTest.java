package org.partnerprogram.core.model;

import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.port.out.ProgramStorage;
import org.partnerprogram.testkit.ProgrammeModelCheck;

/** The in-memory adapter agrees with the programme model. */
class InMemoryProgrammeModelCheckTest extends ProgrammeModelCheck {
  @Override
  protected ProgramStorage newStorage() {
    return new InMemoryStorage();
  }

  @Override
  protected int examples() {
    return 100;
  }
}
