package org.partnerprogram.core.export;

/**
 * How a payout CSV is written. Every format has the same columns in the same order, with the same
 * text (the contract is in {@link PayoutCsvWriter}); they differ only in the field separator, the
 * decimal separator of the amount and the byte-order mark. Whatever the format, no cell starts with
 * a character a spreadsheet would run as a formula ({@code = + - @}, tab or carriage return),
 * however the file is split: a cell is quoted when it holds a separator, a quote or a line break,
 * and every piece of it that would start a cell after such a character is defused with a leading
 * apostrophe.
 */
public enum CsvFormat {
  /**
   * RFC 4180: UTF-8 without a byte-order mark, comma-separated, a dot as decimal separator, lines
   * ending in CR LF. For programs and for spreadsheets set to English.
   */
  RFC_4180(',', '.', false),

  /**
   * What Excel opens directly in Dutch and German (and most continental) locales: UTF-8 with a
   * byte-order mark (so Excel reads the names right), semicolon-separated, a decimal comma ({@code
   * 1234,50}, no thousands separator), lines ending in CR LF. There is no {@code sep=;} line: with
   * one, Excel ignores the byte-order mark and garbles accented names. Where the list separator is
   * {@code ;} but the decimal separator a point (Swiss German Excel), import {@link #RFC_4180} with
   * Data &gt; From Text/CSV instead.
   */
  EXCEL_SEMICOLON(';', ',', true);

  private final char separator;
  private final char decimalSeparator;
  private final boolean byteOrderMark;

  CsvFormat(char separator, char decimalSeparator, boolean byteOrderMark) {
    this.separator = separator;
    this.decimalSeparator = decimalSeparator;
    this.byteOrderMark = byteOrderMark;
  }

  /**
   * The field separator.
   *
   * @return {@code ,} or {@code ;}
   */
  public char separator() {
    return separator;
  }

  /**
   * The decimal separator of amounts.
   *
   * @return {@code .} or {@code ,}
   */
  public char decimalSeparator() {
    return decimalSeparator;
  }

  /**
   * Whether the file starts with a UTF-8 byte-order mark.
   *
   * @return true for {@link #EXCEL_SEMICOLON}
   */
  public boolean byteOrderMark() {
    return byteOrderMark;
  }
}
