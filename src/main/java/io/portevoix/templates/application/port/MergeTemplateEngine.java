package io.portevoix.templates.application.port;

import io.portevoix.templates.MergeTagException;
import io.portevoix.templates.domain.MergeTags;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The template language (Liquid): parses once, renders many times, from any thread. */
public interface MergeTemplateEngine {

    /**
     * The key of the values under which the {@link java.util.Locale} whole numbers print in goes
     * ("1 234" in French); no template can read it (it is not a Liquid name).
     */
    String LOCALE = "pv:locale";

    /**
     * Parses {@code source}; a syntax error or a forbidden tag ({@code include}, …) →
     * {@link MergeTagException} naming it with its position in {@code field}.
     */
    Parsed parse(String field, String source);

    /** A parsed text: the variables it reads and a thread-safe renderer. */
    interface Parsed {

        /** Every variable read, dotted ({@code contact.subscription.endDate}), with its position. */
        List<MergeTags.Reference> references();

        /** Names the text defines itself ({@code assign}, {@code capture}, {@code for}). */
        Set<String> localNames();

        /** Renders with these values (nested maps of strings, numbers and booleans). */
        String render(Map<String, Object> values);
    }
}
