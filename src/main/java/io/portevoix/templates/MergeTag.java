package io.portevoix.templates;

/**
 * A merge tag the picker offers: its name as written between {@code {{ }}}, the group it belongs to
 * (contact, account, links) and an example value.
 */
public record MergeTag(String name, String group, String example) {

    /** The tag as inserted in a text. */
    public String snippet() {
        return "{{ " + name + " }}";
    }
}
