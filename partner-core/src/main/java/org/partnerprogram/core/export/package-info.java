/**
 * Files for the finance team: {@link org.partnerprogram.core.export.SepaCreditTransferWriter}
 * writes a {@link org.partnerprogram.core.export.SepaBatch} as pain.001.001.03 or .09 ({@link
 * org.partnerprogram.core.export.PainVersion}); {@link org.partnerprogram.core.export.SepaText}
 * keeps text in the SEPA character set.
 */
package org.partnerprogram.core.export;
