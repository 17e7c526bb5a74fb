package io.portevoix.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SmsLengthTests {

    private static final String EMOJI = "😀";

    @Test
    void pureSevenBitTextOf160CharactersIsOnePart() {
        SmsLength length = assertParts("a".repeat(160), 1);

        assertThat(length.encoding()).isEqualTo(SmsEncoding.GSM_7BIT);
        assertThat(length.characters()).isEqualTo(160);
        assertThat(length.units()).isEqualTo(160);
        assertThat(length.unitsPerPart()).isEqualTo(160);
        assertThat(length.remainingInPart()).isZero();
        assertThat(length.ucs2Characters()).isEmpty();
    }

    @Test
    void pureSevenBitTextOf161CharactersIsTwoPartsOf153Units() {
        SmsLength length = assertParts("a".repeat(161), 2);

        assertThat(length.unitsPerPart()).isEqualTo(153);
        assertThat(length.remainingInPart()).isEqualTo(2 * 153 - 161);
    }

    @Test
    void sevenBitTextOf306CharactersIsTwoPartsAnd307IsThree() {
        assertThat(assertParts("a".repeat(306), 2).remainingInPart()).isZero();
        assertThat(assertParts("a".repeat(307), 3).remainingInPart()).isEqualTo(152);
    }

    @Test
    void emptyTextIsOneSevenBitPartWithNothingInIt() {
        SmsLength length = assertParts("", 1);

        assertThat(length.encoding()).isEqualTo(SmsEncoding.GSM_7BIT);
        assertThat(length.characters()).isZero();
        assertThat(length.units()).isZero();
        assertThat(length.unitsPerPart()).isEqualTo(160);
        assertThat(length.remainingInPart()).isEqualTo(160);
    }

    @Test
    void theWholeBasicTableCountsOneUnitPerCharacter() {
        String basic = "@£$¥èéùìòÇ\nØø\rÅå" + "Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ" + " !\"#¤%&'()*+,-./" + "0123456789:;<=>?"
                + "¡ABCDEFGHIJKLMNO" + "PQRSTUVWXYZÄÖÑÜ§" + "¿abcdefghijklmno" + "pqrstuvwxyzäöñüà";

        SmsLength length = SmsLength.of(basic);

        assertThat(basic).hasSize(127);
        assertThat(length.encoding()).isEqualTo(SmsEncoding.GSM_7BIT);
        assertThat(length.units()).isEqualTo(127);
    }

    @Test
    void extensionCharactersAndFormFeedCountTwoUnits() {
        SmsLength length = SmsLength.of("^{}\\[~]|€\f");

        assertThat(length.encoding()).isEqualTo(SmsEncoding.GSM_7BIT);
        assertThat(length.characters()).isEqualTo(10);
        assertThat(length.units()).isEqualTo(20);
    }

    @Test
    void anExtensionCharacterCountsTwoUnitsTowardsTheSinglePartLimit() {
        SmsLength length = assertParts("a".repeat(152) + "€", 1);

        assertThat(length.characters()).isEqualTo(153);
        assertThat(length.units()).isEqualTo(154);
        assertThat(length.remainingInPart()).isEqualTo(6);
    }

    @Test
    void anExtensionCharacterPushingTheTextPast160UnitsMakesTwoParts() {
        SmsLength length = assertParts("a".repeat(159) + "€", 2);

        assertThat(length.characters()).isEqualTo(160);
        assertThat(length.units()).isEqualTo(161);
        // part 1 = 153 plain, part 2 = 6 plain + € = 8 units
        assertThat(length.remainingInPart()).isEqualTo(153 - 8);
    }

    @Test
    void anEscapePairThatWouldStraddleAPartBoundaryMovesWholeToTheNextPart() {
        // 152 + 2 + 152 = 306 units would be 2 full parts, but the € cannot be cut at 153/154:
        // part 1 = 152 units, part 2 = € + 151 = 153 units, part 3 = 1 unit.
        SmsLength length = assertParts("a".repeat(152) + "€" + "a".repeat(152), 3);

        assertThat(length.units()).isEqualTo(306);
        assertThat(length.remainingInPart()).isEqualTo(152);
    }

    @Test
    void eightyEuroSignsAre160UnitsInOnePartAndEightyOneAreTwoParts() {
        assertThat(assertParts("€".repeat(80), 1).units()).isEqualTo(160);

        SmsLength longer = assertParts("€".repeat(81), 2);
        assertThat(longer.units()).isEqualTo(162);
        // 76 signs (152 units) fill part 1, the 5 left take 10 units of part 2
        assertThat(longer.remainingInPart()).isEqualTo(153 - 10);
    }

    @Test
    void frenchAccentsOfTheAlphabetStaySevenBit() {
        SmsLength length = SmsLength.of("é è à ù É Ç ì ò");

        assertThat(length.encoding()).isEqualTo(SmsEncoding.GSM_7BIT);
        assertThat(length.units()).isEqualTo(15);
    }

    @Test
    void accentsOutsideTheAlphabetSwitchTheWholeTextToUcs2() {
        for (String accent : new String[] {"ê", "â", "ç", "œ", "î", "ô", "û", "ë", "ï", "’", "«", "»", "…", "`", "\t"}) {
            SmsLength length = SmsLength.of("Bonjour " + accent);

            assertThat(length.encoding()).as(accent).isEqualTo(SmsEncoding.UCS2);
            assertThat(length.units()).as(accent).isEqualTo(9);
            assertThat(length.ucs2Characters()).as(accent).containsExactly(accent);
        }
    }

    @Test
    void uppercaseCedillaIsSevenBitButLowercaseIsNot() {
        assertThat(SmsLength.of("Ç").encoding()).isEqualTo(SmsEncoding.GSM_7BIT);
        assertThat(SmsLength.of("ç").encoding()).isEqualTo(SmsEncoding.UCS2);
    }

    @Test
    void ucs2TextOf70UnitsIsOnePart() {
        SmsLength length = assertParts("ê" + "a".repeat(69), 1);

        assertThat(length.encoding()).isEqualTo(SmsEncoding.UCS2);
        assertThat(length.unitsPerPart()).isEqualTo(70);
        assertThat(length.remainingInPart()).isZero();
    }

    @Test
    void ucs2TextOf71UnitsIsTwoPartsOf67() {
        SmsLength length = assertParts("â" + "a".repeat(70), 2);

        assertThat(length.unitsPerPart()).isEqualTo(67);
        assertThat(length.remainingInPart()).isEqualTo(2 * 67 - 71);
    }

    @Test
    void ucs2TextOf134UnitsIsTwoPartsAnd135IsThree() {
        assertThat(assertParts("ç" + "a".repeat(133), 2).remainingInPart()).isZero();
        assertThat(assertParts("œ" + "a".repeat(134), 3).remainingInPart()).isEqualTo(66);
    }

    @Test
    void anEmojiOutsideTheBmpIsOneCharacterAndTwoUnits() {
        SmsLength length = SmsLength.of(EMOJI);

        assertThat(length.encoding()).isEqualTo(SmsEncoding.UCS2);
        assertThat(length.characters()).isEqualTo(1);
        assertThat(length.units()).isEqualTo(2);
        assertThat(length.ucs2Characters()).containsExactly(EMOJI);
    }

    @Test
    void thirtyFiveEmojisFitOnePartAndThirtySixNeedTwo() {
        assertParts(EMOJI.repeat(35), 1);

        // 33 emojis (66 units) per part: the 34th would be cut at 67/68
        SmsLength longer = assertParts(EMOJI.repeat(36), 2);
        assertThat(longer.units()).isEqualTo(72);
        assertThat(longer.remainingInPart()).isEqualTo(67 - 6);
    }

    @Test
    void aSurrogatePairThatWouldStraddleAPartBoundaryIsNotCut() {
        // 66 units, then the emoji at 67/68 moves to part 2 (2 + 65 = 67 units), leaving 1 unit for part 3
        SmsLength length = assertParts("ê" + "a".repeat(65) + EMOJI + "a".repeat(66), 3);

        assertThat(length.units()).isEqualTo(134);
        assertThat(length.characters()).isEqualTo(133);
        assertThat(length.remainingInPart()).isEqualTo(66);
    }

    @Test
    void aFrenchReminderWithOnlyAlphabetCharactersIsSevenBit() {
        String text = "Bonjour Élodie, votre abonnement se termine le 31/12 !";

        SmsLength length = assertParts(text, 1);

        assertThat(length.encoding()).isEqualTo(SmsEncoding.GSM_7BIT);
        assertThat(length.units()).isEqualTo(text.length());
        assertThat(length.remainingInPart()).isEqualTo(160 - text.length());
    }

    @Test
    void aCurlyApostropheMakesAFrenchSentenceUcs2EvenWithAlphabetAccents() {
        String text = "Ça y est, c’est l’été";

        SmsLength length = assertParts(text, 1);

        assertThat(length.encoding()).isEqualTo(SmsEncoding.UCS2);
        assertThat(length.characters()).isEqualTo(21);
        assertThat(length.units()).isEqualTo(21);
        assertThat(length.ucs2Characters()).containsExactly("’");
        assertThat(SmsLength.of(text.replace('’', '\'')).encoding()).isEqualTo(SmsEncoding.GSM_7BIT);
    }

    @Test
    void ucs2CharactersAreListedOnceInOrderOfFirstAppearance() {
        SmsLength length = SmsLength.of("Fête à l’hôtel… “génial” " + "🎉" + " fête l’été 🎉");

        assertThat(length.ucs2Characters()).containsExactly("ê", "’", "ô", "…", "“", "”", "🎉");
    }

    @Test
    void aLoneSurrogateForcesUcs2AndCountsOneUnit() {
        SmsLength length = SmsLength.of("a\uD83D");

        assertThat(length.encoding()).isEqualTo(SmsEncoding.UCS2);
        assertThat(length.characters()).isEqualTo(2);
        assertThat(length.units()).isEqualTo(2);
        assertThat(length.ucs2Characters()).containsExactly("\uD83D");
    }

    @Test
    void exceedsComparesThePartsWithTheAllowedMaximum() {
        SmsLength twoParts = SmsLength.of("a".repeat(161));

        assertThat(twoParts.exceeds(1)).isTrue();
        assertThat(twoParts.exceeds(2)).isFalse();
        assertThat(twoParts.exceeds(3)).isFalse();
    }

    @Test
    void theFastPartsCountAgreesWithTheFullCountOnRandomTexts() {
        String[] sevenBit = {"a", "Z", "7", " ", "\n", "é", "à", "Ç", "€", "{", "]", "\\", "~"};
        String[] others = {"ê", "ç", "œ", "’", "«", "…", EMOJI, "🎉", "中", "\u00A0"};
        Random random = new Random(20251231L);
        int ucs2 = 0;
        for (int run = 0; run < 5_000; run++) {
            int size = random.nextInt(400);
            boolean mixed = random.nextBoolean();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < size; i++) {
                boolean other = mixed && random.nextInt(20) == 0;
                String[] pool = other ? others : sevenBit;
                text.append(pool[random.nextInt(pool.length)]);
            }
            SmsLength length = SmsLength.of(text);
            String shown = text.toString();

            assertThat(SmsLength.parts(text)).as(shown).isEqualTo(length.parts());
            assertThat(SmsLength.parts(shown)).as(shown).isEqualTo(length.parts());
            assertThat(length.units()).as(shown)
                    .isLessThanOrEqualTo(length.parts() * length.unitsPerPart())
                    .isGreaterThan(length.parts() == 1 ? -1 : (length.parts() - 1) * (length.unitsPerPart() - 1));
            assertThat(length.remainingInPart()).as(shown).isBetween(0, length.unitsPerPart());
            if (length.encoding() == SmsEncoding.UCS2) {
                ucs2++;
                assertThat(length.units()).isEqualTo(text.length());
                assertThat(length.ucs2Characters()).isNotEmpty();
            }
        }
        assertThat(ucs2).as("both encodings are exercised").isBetween(500, 4_500);
    }

    @Test
    void splitGivesAsManyPartsAsTheCountAtEveryBoundary() {
        for (int n : new int[] {0, 1, 152, 153, 154, 159, 160, 161, 306, 307, 459, 460}) {
            assertSplit("a".repeat(n), 153);
        }
        for (int n : new int[] {1, 66, 67, 68, 69, 70, 71, 134, 135}) {
            assertSplit("ê".repeat(n), 67);
        }
    }

    @Test
    void splitKeepsTheWholeTextWhenItFitsOnePart() {
        assertThat(SmsLength.split("a".repeat(160))).containsExactly("a".repeat(160));
        assertThat(SmsLength.split("ê".repeat(70))).containsExactly("ê".repeat(70));
        assertThat(SmsLength.split("")).containsExactly("");
    }

    @Test
    void splitCutsSevenBitTextInto153UnitParts() {
        List<String> parts = SmsLength.split("a".repeat(153) + "b".repeat(153) + "c");

        assertThat(parts).containsExactly("a".repeat(153), "b".repeat(153), "c");
    }

    @Test
    void splitNeverCutsAnEscapePair() {
        String text = "a".repeat(152) + "€" + "b".repeat(10);

        List<String> parts = assertSplit(text, 153);

        assertThat(parts).containsExactly("a".repeat(152), "€" + "b".repeat(10));
    }

    @Test
    void splitNeverCutsASurrogatePair() {
        String text = "ê".repeat(66) + EMOJI + "xxxxx";

        List<String> parts = assertSplit(text, 67);

        assertThat(parts).containsExactly("ê".repeat(66), EMOJI + "xxxxx");
    }

    @Test
    void splitAgreesWithTheCountOnRandomTexts() {
        String[] pool = {"a", "Z", " ", "€", "{", "~", "é", "ê", "’", EMOJI, "中"};
        Random random = new Random(42L);
        for (int run = 0; run < 3_000; run++) {
            StringBuilder text = new StringBuilder();
            boolean mixed = random.nextBoolean();
            for (int i = 0, size = random.nextInt(500); i < size; i++) {
                text.append(pool[random.nextInt(mixed ? pool.length : 6)]);
            }
            assertSplit(text.toString(), SmsLength.encoding(text) == SmsEncoding.GSM_7BIT ? 153 : 67);
        }
    }

    @Test
    void everyPartOfASevenBitSplitFitsItsSeptets() {
        String text = "{Réunion} ".repeat(60);

        List<String> parts = SmsLength.split(text);

        assertThat(parts).hasSize(SmsLength.parts(text));
        assertThat(parts).allSatisfy(part -> assertThat(GsmAlphabet.encode(part).length).isLessThanOrEqualTo(153));
        assertThat(String.join("", parts)).isEqualTo(text);
    }

    /** Asserts that the split has the counted number of parts, each within capacity, joined back to the text. */
    private static List<String> assertSplit(String text, int capacity) {
        List<String> parts = SmsLength.split(text);
        assertThat(parts).as(text).hasSize(SmsLength.parts(text));
        assertThat(String.join("", parts)).isEqualTo(text);
        if (parts.size() > 1) {
            assertThat(parts).allSatisfy(part -> assertThat(capacity == 67 ? part.length() : GsmAlphabet.encode(part).length)
                    .isLessThanOrEqualTo(capacity));
        }
        return parts;
    }

    /** Asserts both the fast and the full count, and returns the full one. */
    private static SmsLength assertParts(String text, int parts) {
        SmsLength length = SmsLength.of(text);
        assertThat(length.parts()).as("of(text).parts()").isEqualTo(parts);
        assertThat(SmsLength.parts(text)).as("parts(text)").isEqualTo(parts);
        return length;
    }
}
