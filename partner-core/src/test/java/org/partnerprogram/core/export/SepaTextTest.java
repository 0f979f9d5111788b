package org.partnerprogram.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SepaTextTest {
  @Test
  void theSepaCharacterSetIsLettersDigitsAndElevenMarks() {
    for (char c : "azAZ09/-?:().,'+ ".toCharArray()) {
      assertThat(SepaText.isSepa(c)).as("%s", c).isTrue();
    }
    for (char c : "`{@[!*;&_\"é".toCharArray()) {
      assertThat(SepaText.isSepa(c)).as("%s", c).isFalse();
    }
  }

  @Test
  void textIsTransliteratedAccentsDroppedAndOtherCharactersBecomeSpaces() {
    assertThat(SepaText.of("Jörg Ærø & Søn", 70)).isEqualTo("Jorg AEro + Son");
    assertThat(SepaText.of("Straße_1 “quoted”", 70)).isEqualTo("Strasse-1 quoted");
    assertThat(SepaText.of("a;b", 70)).isEqualTo("a b");
    assertThat(SepaText.of("a  ;;  b", 70)).isEqualTo("a b");
    assertThat(SepaText.of("  padded  ", 70)).isEqualTo("padded");
    assertThat(SepaText.of("€5", 70)).isEqualTo("EUR5");
  }

  @Test
  void textIsCutToTheLimitWithoutATrailingSpaceAndNeverLeftEmpty() {
    assertThat(SepaText.of("abcdef", 6)).isEqualTo("abcdef");
    assertThat(SepaText.of("abcdefg", 6)).isEqualTo("abcdef");
    assertThat(SepaText.of("abcde fg", 6)).isEqualTo("abcde");
    assertThat(SepaText.of("***", 10)).isEqualTo("-");
    assertThat(SepaText.of("", 10)).isEqualTo("-");
  }

  @Test
  void cyrillicIsTransliteratedByTheBulgarianOfficialSystem() {
    assertThat(SepaText.of("J. Петров", 70)).isEqualTo("J. Petrov");
    assertThat(SepaText.of("\u0410dam", 70)).isEqualTo("Adam"); // a Cyrillic A
    assertThat(SepaText.of("Жельо Щерев", 70)).isEqualTo("Zhelyo Shterev");
    assertThat(SepaText.of("Цветан Цонев", 70)).isEqualTo("Tsvetan Tsonev");
    assertThat(SepaText.of("Юлия Йорданова", 70)).isEqualTo("Yulia Yordanova");
    assertThat(SepaText.of("ЖУК ООД", 70)).isEqualTo("ZHUK OOD");
    assertThat(SepaText.of("Ђорђе Јовановић", 70)).isEqualTo("Djordje Jovanovic");
    assertThat(SepaText.of("Ѓорѓи Ќосевски", 70)).isEqualTo("Gjorgji Kjosevski");
  }

  @Test
  void greekIsTransliteratedByElot743() {
    assertThat(SepaText.of("Γιώργος Παπαδόπουλος", 70)).isEqualTo("Giorgos Papadopoulos");
    assertThat(SepaText.of("Ευάγγελος", 70)).isEqualTo("Evangelos");
    assertThat(SepaText.of("Ευθυμία", 70)).isEqualTo("Efthymia");
    assertThat(SepaText.of("Χρήστος Ψαράς", 70)).isEqualTo("Christos Psaras");
    assertThat(SepaText.of("ΑΘΗΝΑ", 70)).isEqualTo("ATHINA");
    assertThat(SepaText.of("Μπάμπης", 70)).isEqualTo("Bampis");
    assertThat(SepaText.of("Αϊδίνης", 70)).isEqualTo("Aidinis");
    assertThat(SepaText.of("Ἀλέξανδρος", 70)).isEqualTo("Alexandros");
  }

  @Test
  void latinLettersWithoutADecompositionAreSpeltOut() {
    assertThat(SepaText.of("Łukasz Żółć", 70)).isEqualTo("Lukasz Zolc");
    assertThat(SepaText.of("Þór Ðóra Øvergård", 70)).isEqualTo("Thor Dora Overgard");
    assertThat(SepaText.of("Yılmaz İnce", 70)).isEqualTo("Yilmaz Ince");
    assertThat(SepaText.of("Œuvre Ærø ﬁn", 70)).isEqualTo("OEuvre AEro fin");
    assertThat(SepaText.of("O’Brien", 70)).isEqualTo("O'Brien");
  }

  @Test
  void otherScriptsAndSymbolsBecomeSpacesInFreeText() {
    assertThat(SepaText.of("Order 李 12", 70)).isEqualTo("Order 12");
    assertThat(SepaText.of("李小龙", 70)).isEqualTo("-");
  }
}
