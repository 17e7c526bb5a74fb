package io.portevoix.templates;

import static org.assertj.core.api.Assertions.assertThat;

import io.portevoix.templates.SmsReplacement.Substitution;
import io.portevoix.templates.domain.Gsm7;
import org.junit.jupiter.api.Test;

class SmsReplacementTests {

    @Test
    void frenchTypographyBecomesSevenBitWithEachSubstitutionCounted() {
        SmsReplacement replacement = SmsReplacement.suggest("Fête à l’hôtel… “génial”");

        assertThat(replacement.before()).isEqualTo("Fête à l’hôtel… “génial”");
        assertThat(replacement.after()).isEqualTo("Fete à l'hotel... \"génial\"");
        assertThat(replacement.substitutions()).containsExactly(new Substitution("ê", "e", 1),
                new Substitution("’", "'", 1), new Substitution("ô", "o", 1), new Substitution("…", "...", 1),
                new Substitution("“", "\"", 1), new Substitution("”", "\"", 1));
        assertThat(replacement.lengthBefore().encoding()).isEqualTo(SmsEncoding.UCS2);
        assertThat(replacement.lengthBefore().units()).isEqualTo(24);
        assertThat(replacement.lengthAfter().encoding()).isEqualTo(SmsEncoding.GSM_7BIT);
        assertThat(replacement.lengthAfter().units()).isEqualTo(26);
        assertThat(replacement.changesAnything()).isTrue();
    }

    @Test
    void repeatedCharactersAreOneSubstitutionWithTheirCount() {
        SmsReplacement replacement = SmsReplacement.suggest("l’été, l’hiver, l’automne");

        assertThat(replacement.after()).isEqualTo("l'été, l'hiver, l'automne");
        assertThat(replacement.substitutions()).containsExactly(new Substitution("’", "'", 3));
    }

    @Test
    void aTextAlreadyInSevenBitChangesNothing() {
        String text = "Bonjour Élodie, RDV à 18h {salle B} : 5 € !";

        SmsReplacement replacement = SmsReplacement.suggest(text);

        assertThat(replacement.changesAnything()).isFalse();
        assertThat(replacement.after()).isEqualTo(text);
        assertThat(replacement.substitutions()).isEmpty();
        assertThat(replacement.lengthAfter()).isEqualTo(replacement.lengthBefore());
    }

    @Test
    void emojisHaveNoLookAlikeAndKeepTheTextUcs2() {
        SmsReplacement replacement = SmsReplacement.suggest("Bravo à tous 🎉 c’est gagné");

        assertThat(replacement.after()).isEqualTo("Bravo à tous 🎉 c'est gagné");
        assertThat(replacement.substitutions()).containsExactly(new Substitution("’", "'", 1));
        assertThat(replacement.lengthAfter().encoding()).isEqualTo(SmsEncoding.UCS2);
        assertThat(replacement.lengthAfter().ucs2Characters()).containsExactly("🎉");
    }

    @Test
    void textWithOnlyCharactersWithoutLookAlikeChangesNothing() {
        SmsReplacement replacement = SmsReplacement.suggest("你好 🎉");

        assertThat(replacement.changesAnything()).isFalse();
        assertThat(replacement.after()).isEqualTo("你好 🎉");
    }

    @Test
    void ligaturesAreSpelledOut() {
        assertThat(SmsReplacement.suggest("Œuvre du cœur").after()).isEqualTo("OEuvre du coeur");
    }

    @Test
    void accentedCapitalsLoseOnlyTheAccentsTheAlphabetLacks() {
        assertThat(SmsReplacement.suggest("ÈÉÊÀÂÇçÎÔÛÙ").after()).isEqualTo("EÉEAAÇcIOUU");
    }

    @Test
    void dashesGuillemetsAndNonBreakingSpacesBecomeTheirPlainForms() {
        SmsReplacement replacement = SmsReplacement.suggest("«\u00A0Match\u202F!\u00A0» 10–12 — ok");

        assertThat(replacement.after()).isEqualTo("\" Match ! \" 10-12 - ok");
        assertThat(replacement.lengthAfter().encoding()).isEqualTo(SmsEncoding.GSM_7BIT);
    }

    @Test
    void invisibleCharactersDisappear() {
        SmsReplacement replacement = SmsReplacement.suggest("abon\u00ADnement\u200B");

        assertThat(replacement.after()).isEqualTo("abonnement");
        assertThat(replacement.substitutions()).containsExactly(new Substitution("\u00AD", "", 1),
                new Substitution("\u200B", "", 1));
    }

    @Test
    void aDecomposedLetterIsComposedSoAnAlphabetAccentIsKept() {
        SmsReplacement replacement = SmsReplacement.suggest("e\u0301te\u0301 a\u0302ge");

        assertThat(replacement.after()).isEqualTo("été age");
        assertThat(replacement.substitutions()).containsExactly(new Substitution("e\u0301", "é", 2),
                new Substitution("a\u0302", "a", 1));
        assertThat(replacement.lengthAfter().encoding()).isEqualTo(SmsEncoding.GSM_7BIT);
    }

    @Test
    void everyLookAlikeIsItselfSevenBit() {
        int found = 0;
        for (int codePoint = 0; codePoint <= Character.MAX_VALUE; codePoint++) {
            String lookAlike = Gsm7.lookAlike(codePoint);
            if (lookAlike != null) {
                found++;
                assertThat(Gsm7.isGsm7(codePoint)).as("U+%04X", codePoint).isFalse();
                assertThat(Gsm7.isGsm7(lookAlike)).as("U+%04X", codePoint).isTrue();
            }
        }
        assertThat(found).isGreaterThan(100);
    }
}
