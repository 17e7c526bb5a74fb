package io.portevoix.audience.domain;

import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ContactField;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The fields an imported column can fill (the criteria grammar's names), how a header is guessed
 * from the field names and the usual French and English labels of back-office exports, and how
 * cell values are read (yes/no as {@code Oui/Non/1/0/true/false}, whole numbers, tag lists).
 */
public final class ImportFields {

    public static final String IGNORE = "";
    private static final Pattern ATTRIBUTE = Pattern.compile("attributes\\.[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final Pattern CONSENT = Pattern.compile("consent\\.(EMAIL|SMS)\\.(INFORMATIVE|MARKETING)");

    /** Field name → contact field, in the order the wizard lists them. */
    public static final Map<String, ContactField> FIELDS = new LinkedHashMap<>();
    private static final Map<String, String> SYNONYMS = new LinkedHashMap<>();

    static {
        field("email", ContactField.EMAIL, "e-mail", "mail", "courriel", "adresse e-mail", "adresse email",
                "adresse mail", "email address");
        field("mobile", ContactField.MOBILE, "portable", "telephone", "telephone mobile", "tel", "tel mobile",
                "numero de portable", "numero de telephone", "phone", "mobile phone", "gsm");
        field("externalRef", ContactField.EXTERNAL_REF, "reference", "ref", "reference externe", "id", "identifiant",
                "numero adherent", "n adherent", "numero de membre", "code adherent", "member id", "external ref");
        field("civility", ContactField.CIVILITY, "civilite", "titre", "title", "salutation");
        field("firstName", ContactField.FIRST_NAME, "prenom", "first name", "firstname", "given name");
        field("lastName", ContactField.LAST_NAME, "nom", "nom de famille", "last name", "lastname", "surname",
                "family name");
        field("birthDate", ContactField.BIRTH_DATE, "date de naissance", "naissance", "ne le", "nee le",
                "birth date", "birthdate", "date of birth", "dob");
        field("status", ContactField.STATUS, "statut", "etat", "type de contact");
        field("primary", ContactField.PRIMARY, "principal", "membre principal", "adherent principal", "primary member");
        field("site", ContactField.SITE, "club", "salle", "site de rattachement", "agence", "location");
        field("subscription.name", ContactField.SUBSCRIPTION_NAME, "abonnement", "formule", "type d abonnement",
                "subscription");
        field("subscription.startDate", ContactField.SUBSCRIPTION_START, "debut d abonnement", "debut abonnement",
                "date de debut", "subscription start");
        field("subscription.endDate", ContactField.SUBSCRIPTION_END, "fin d abonnement", "fin abonnement",
                "date de fin", "echeance", "subscription end");
        field("booklet.name", ContactField.BOOKLET_NAME, "carnet", "booklet");
        field("booklet.sessionsLeft", ContactField.BOOKLET_SESSIONS_LEFT, "seances restantes", "sessions left",
                "solde de seances");
        field("booklet.expiresOn", ContactField.BOOKLET_EXPIRES_ON, "expiration du carnet", "fin du carnet",
                "booklet expiry");
        field("lastVisitAt", ContactField.LAST_VISIT_AT, "derniere visite", "dernier passage", "last visit");
        field("visitCount", ContactField.VISIT_COUNT, "nombre de visites", "visites", "nombre de passages",
                "visit count");
        field("tags", ContactField.TAGS, "etiquettes", "etiquette", "labels", "groupes");
        SYNONYMS.put(key("opt-in email"), "consent.EMAIL.MARKETING");
        SYNONYMS.put(key("optin email"), "consent.EMAIL.MARKETING");
        SYNONYMS.put(key("opt-in e-mail"), "consent.EMAIL.MARKETING");
        SYNONYMS.put(key("accepte les e-mails marketing"), "consent.EMAIL.MARKETING");
        SYNONYMS.put(key("newsletter"), "consent.EMAIL.MARKETING");
        SYNONYMS.put(key("opt-in sms"), "consent.SMS.MARKETING");
        SYNONYMS.put(key("optin sms"), "consent.SMS.MARKETING");
        SYNONYMS.put(key("accepte les sms marketing"), "consent.SMS.MARKETING");
        for (Channel channel : Channel.values()) {
            for (BroadcastType type : List.of(BroadcastType.INFORMATIVE, BroadcastType.MARKETING)) {
                String name = "consent." + channel + "." + type;
                SYNONYMS.put(key(name), name);
            }
        }
    }

    private ImportFields() {
    }

    private static void field(String name, ContactField field, String... labels) {
        FIELDS.put(name, field);
        SYNONYMS.put(key(name), name);
        Arrays.stream(labels).forEach(label -> SYNONYMS.put(key(label), name));
    }

    /** A header folded for comparison: no accents, no case, punctuation as spaces. */
    static String key(String header) {
        return Normalizer.normalize(header, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9.]+", " ").replace('.', ' ').strip();
    }

    /** Every field a column can be mapped to, consents included (attributes take {@code attributes.<key>}). */
    public static List<String> mappable() {
        List<String> names = new ArrayList<>(FIELDS.keySet());
        for (Channel channel : Channel.values()) {
            names.add("consent." + channel + ".INFORMATIVE");
            names.add("consent." + channel + ".MARKETING");
        }
        return names;
    }

    /** The field a header most likely means, if any. */
    public static Optional<String> guess(String header) {
        if (header == null) {
            return Optional.empty();
        }
        if (ATTRIBUTE.matcher(header.strip()).matches()) {
            return Optional.of(header.strip());
        }
        return Optional.ofNullable(SYNONYMS.get(key(header)));
    }

    public static boolean isValidTarget(String target) {
        return IGNORE.equals(target) || FIELDS.containsKey(target) || ATTRIBUTE.matcher(target).matches()
                || CONSENT.matcher(target).matches();
    }

    /** Reads yes/no as back-offices export it; empty when the cell is not a yes/no. */
    public static Optional<Boolean> yesNo(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "oui", "o", "1", "true", "vrai", "yes", "y", "x" -> Optional.of(true);
            case "non", "n", "0", "false", "faux", "no" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /**
     * One record's values, per target field, turned into what {@link io.portevoix.audience.ContactInput}
     * takes. Empty cells leave the field as it is (an export with fewer columns filled never erases
     * data); unreadable yes/no or numbers become warnings (the field is left out), never rejections.
     */
    public static final class Row {
        private final Map<ContactField, Object> values = new EnumMap<>(ContactField.class);
        private final Map<Channel, Map<BroadcastType, Boolean>> consents = new EnumMap<>(Channel.class);
        private final Map<String, Object> attributes = new LinkedHashMap<>();
        private final Map<ContactField, String> columns = new EnumMap<>(ContactField.class);
        private final List<String[]> warnings = new ArrayList<>();

        /** Adds a cell; returns false with a warning when the value cannot be read for that field. */
        public void put(String target, String column, String rawValue) {
            String value = rawValue == null ? "" : rawValue.strip();
            if (IGNORE.equals(target) || value.isEmpty()) {
                return;
            }
            var consent = target.startsWith("consent.") ? CONSENT.matcher(target) : null;
            if (consent != null && consent.matches()) {
                yesNo(value).ifPresentOrElse(granted -> consents.computeIfAbsent(Channel.valueOf(consent.group(1)),
                        c -> new EnumMap<>(BroadcastType.class)).put(BroadcastType.valueOf(consent.group(2)), granted),
                        () -> warnings.add(new String[] {column, value, "Not a yes/no value: consent left unchanged"}));
                return;
            }
            if (target.startsWith("attributes.")) {
                attributes.put(target.substring("attributes.".length()), value.isEmpty() ? null : value);
                return;
            }
            ContactField field = FIELDS.get(target);
            if (field == null) {
                return;
            }
            columns.put(field, column);
            switch (field) {
                case PRIMARY -> {
                    if (!value.isEmpty()) {
                        yesNo(value).ifPresentOrElse(v -> values.put(field, v), () -> warnings.add(
                                new String[] {column, value, "Not a yes/no value: left unchanged"}));
                    }
                }
                case BOOKLET_SESSIONS_LEFT, VISIT_COUNT -> {
                    if (value.isEmpty()) {
                        values.put(field, null);
                    } else {
                        try {
                            values.put(field, Integer.parseInt(value.replace(" ", "")));
                        } catch (NumberFormatException e) {
                            warnings.add(new String[] {column, value, "Not a whole number: left empty"});
                        }
                    }
                }
                case TAGS -> values.put(field, Arrays.stream(value.split("[,;|]")).map(String::strip)
                        .filter(t -> !t.isEmpty()).toList());
                default -> values.put(field, value);
            }
        }

        public Map<ContactField, Object> values() {
            return values;
        }

        public Map<Channel, Map<BroadcastType, Boolean>> consents() {
            return consents;
        }

        public Map<String, Object> attributes() {
            return attributes;
        }

        /** The column a field came from, for issue reports. */
        public String column(ContactField field) {
            return columns.getOrDefault(field, "");
        }

        /** Warnings as {column, value, reason}. */
        public List<String[]> warnings() {
            return warnings;
        }
    }
}
