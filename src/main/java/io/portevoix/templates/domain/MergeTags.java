package io.portevoix.templates.domain;

import io.portevoix.templates.MergeTagProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The merge tags of API.md: every contact field of the criteria grammar, the account's name,
 * address and social links, and the recipient's links. A text may only use these (plus names it
 * defines itself with {@code assign}, {@code capture} or {@code for}).
 */
public final class MergeTags {

    /** Contact fields with an example value, in the order the picker shows them. */
    public static final Map<String, String> CONTACT = examples(
            "civility", "Mme", "firstName", "Élodie", "lastName", "Lefèvre", "email", "elodie.lefevre@example.fr",
            "mobile", "+33612345678", "externalRef", "A-1024", "birthDate", "14 mars 1988", "age", "38",
            "status", "CLIENT", "primary", "true", "site", "Lyon Part-Dieu", "tags", "Dirigeant",
            "subscription.name", "Abonnement annuel", "subscription.startDate", "1 janvier 2026",
            "subscription.endDate", "31 décembre 2026", "booklet.name", "Carnet 10 séances", "booklet.sessionsLeft", "3",
            "booklet.expiresOn", "30 juin 2027", "createdAt", "12 septembre 2024", "lastVisitAt", "28 novembre 2026",
            "visitCount", "42");

    /** Account tags (examples are replaced by the account's real values in the picker). */
    public static final List<String> ACCOUNT = List.of("account.name", "account.address", "account.social.facebook",
            "account.social.instagram", "account.social.x", "account.social.linkedin", "account.social.youtube",
            "account.social.website");

    /** The recipient's signed links. */
    public static final List<String> LINKS = List.of("unsubscribeUrl", "preferencesUrl", "webVersionUrl");

    private static final Set<String> LIQUID_GLOBALS = Set.of("forloop", "tablerowloop", "empty", "blank", "nil", "null",
            "true", "false");

    private MergeTags() {
    }

    /** A reference to a variable found in a text, with its position (line and column from 1). */
    public record Reference(String name, int line, int column) {
    }

    /** Whether {@code name} (dotted, as written) is a merge tag. */
    public static boolean known(String name) {
        if (name.startsWith("contact.attributes.") && name.length() > "contact.attributes.".length()) {
            return true;
        }
        if (name.startsWith("contact.")) {
            return CONTACT.containsKey(name.substring("contact.".length()));
        }
        return ACCOUNT.contains(name) || LINKS.contains(name);
    }

    /** Problems with the references of {@code field}: each unknown tag named, with its position. */
    public static List<MergeTagProblem> check(String field, List<Reference> references, Set<String> localNames) {
        List<MergeTagProblem> problems = new ArrayList<>();
        for (Reference reference : references) {
            String root = reference.name().split("\\.", 2)[0];
            if (localNames.contains(root) || LIQUID_GLOBALS.contains(root) || known(reference.name())) {
                continue;
            }
            problems.add(new MergeTagProblem(MergeTagProblem.Kind.UNKNOWN_TAG, field, reference.name(), reference.line(),
                    reference.column(), "Unknown merge tag {{ " + reference.name() + " }}"));
        }
        return problems;
    }

    private static Map<String, String> examples(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
