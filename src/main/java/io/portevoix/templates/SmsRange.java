package io.portevoix.templates;

/**
 * The length of an SMS rendered for real members: the shortest and longest renderings among the
 * {@code sampled} members read (all of them up to the sample size), so the user sees when
 * personalisation adds a part.
 */
public record SmsRange(int sampled, SmsLength shortest, SmsLength longest) {
}
