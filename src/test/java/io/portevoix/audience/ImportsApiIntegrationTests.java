package io.portevoix.audience;

import static io.portevoix.support.TestActors.PASSWORD;
import static io.portevoix.support.TestActors.asSystem;
import static io.portevoix.support.TestActors.login;
import static io.portevoix.support.TestActors.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.portevoix.shared.EmailAddress;
import io.portevoix.support.PorteVoixTest;
import io.portevoix.support.TestActors;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.AccessLevels;
import io.portevoix.tenancy.AccountCommands;
import io.portevoix.tenancy.ApiKeyCommands;
import io.portevoix.tenancy.CreateAccount;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.AuthenticationProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Imports through the REST API, as club back-offices and Excel write files. */
@PorteVoixTest
class ImportsApiIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @LocalServerPort int port;
    @Autowired AccountCommands accounts;
    @Autowired ApiKeyCommands keys;
    @Autowired AuthenticationProvider loginProvider;

    final HttpClient http = HttpClient.newHttpClient();
    String keyA;
    String keyB;

    @BeforeEach
    void accounts() {
        String adminA = uniqueEmail("import-a");
        String adminB = uniqueEmail("import-b");
        asSystem(() -> accounts.create(new CreateAccount("Import A", null, new EmailAddress(adminA), "", PASSWORD)));
        asSystem(() -> accounts.create(new CreateAccount("Import B", null, new EmailAddress(adminB), "", PASSWORD)));
        login(loginProvider, adminA);
        keyA = keys.create("A", AccessLevels.all(AccessLevel.APPROVER)).secret();
        login(loginProvider, adminB);
        keyB = keys.create("B", AccessLevels.all(AccessLevel.APPROVER)).secret();
        TestActors.logout();
    }

    @AfterEach
    void logout() {
        TestActors.logout();
    }

    private JsonNode upload(String key, String fileName, byte[] content, String... fields) throws Exception {
        String boundary = "----pv" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                    + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/imports"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String id = JSON.readTree(response.body()).get("id").stringValue();
        return await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).until(() -> get(key, "/imports/" + id),
                node -> node.get("status").stringValue().equals("DONE") || node.get("status").stringValue().equals("FAILED"));
    }

    private JsonNode get(String key, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1" + path))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
        tools.jackson.databind.node.ObjectNode node = (tools.jackson.databind.node.ObjectNode) JSON.readTree(
                response.body().isEmpty() || !response.body().startsWith("{") ? "{}" : response.body());
        return node.put("httpStatus", response.statusCode());
    }

    private static byte[] utf8WithBom(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[BOM.length + bytes.length];
        System.arraycopy(BOM, 0, all, 0, BOM.length);
        System.arraycopy(bytes, 0, all, BOM.length, bytes.length);
        return all;
    }

    @Test
    void aFrenchBackOfficeExportIsUnderstoodAndEveryLineAccountedFor() throws Exception {
        String csv = """
                Civilité;Prénom;Nom;E-mail;Portable;Date de naissance;Statut;Fin d'abonnement;Opt-in email;Commentaire
                Mme;Léa;Moreau;lea.moreau@club.fr;06 12 34 56 78;14/07/1990;Client;31/12/2026;Oui;"Aime le yoga; le lundi"
                M.;Hugo;Petit;hugo.petit@club.fr;612345679;1985-03-02; ancien client ;;non;"Deux
                lignes"

                Mme;Emma;Roux;;0612345680;01/01/2000;Prospect;;1;sans e-mail
                M.;Jean;Faux;jean@@club;0612345681;01/01/2000;Client;;0;e-mail invalide
                Mme;Léa;Moreau-Dubois;LEA.MOREAU@club.fr;+33 6 12 34 56 78;14/07/1990;CLIENT;;true;doublon plus loin
                M.;Luc;Blanc;luc.blanc@club.fr;12;02/02/1970;Client;;Oui;téléphone illisible
                """;
        JsonNode result = upload(keyA, "export.csv", utf8WithBom(csv));
        assertThat(result.get("status").stringValue()).isEqualTo("DONE");
        assertThat(result.get("total").intValue()).isEqualTo(6);
        assertThat(result.get("created").intValue()).isEqualTo(3);
        assertThat(result.get("updated").intValue()).isEqualTo(1);
        assertThat(result.get("rejected").intValue()).isEqualTo(2);
        assertThat(result.get("errors").values()).extracting(e -> e.get("line").longValue()).containsExactlyInAnyOrder(6L, 7L);
        assertThat(result.get("warnings").values()).anySatisfy(w -> {
            assertThat(w.get("line").longValue()).isEqualTo(9L);
            assertThat(w.get("column").stringValue()).isEqualTo("Portable");
        });

        JsonNode lea = get(keyA, "/contacts?email=lea.moreau@club.fr").get("items").get(0);
        assertThat(lea.get("lastName").stringValue()).isEqualTo("Moreau-Dubois");
        assertThat(lea.get("mobile").stringValue()).isEqualTo("+33612345678");
        assertThat(lea.get("birthDate").stringValue()).isEqualTo("1990-07-14");
        assertThat(lea.at("/subscription/endDate").stringValue()).isEqualTo("2026-12-31");
        assertThat(lea.at("/consents/EMAIL/MARKETING").booleanValue()).isTrue();
        JsonNode hugo = get(keyA, "/contacts?email=hugo.petit@club.fr").get("items").get(0);
        assertThat(hugo.get("mobile").stringValue()).isEqualTo("+33612345679");
        assertThat(hugo.get("status").stringValue()).isEqualTo("FORMER_CLIENT");
        assertThat(hugo.at("/consents/EMAIL/MARKETING").booleanValue()).isFalse();
        JsonNode luc = get(keyA, "/contacts?email=luc.blanc@club.fr").get("items").get(0);
        assertThat(luc.has("mobile") && !luc.get("mobile").isNull()).isFalse();

        JsonNode again = upload(keyA, "export.csv", utf8WithBom(csv));
        assertThat(again.get("created").intValue()).as("re-importing creates nothing").isZero();
        assertThat(again.get("updated").intValue()).isEqualTo(4);
        assertThat(again.get("rejected").intValue()).isEqualTo(2);
    }

    @Test
    void windows1252WithCommasAndAnExplicitMapping() throws Exception {
        String csv = "Courriel perso,Prénom,Newsletter,Ville\r\n\"zoe.leclerc@club.fr\",Zoé,Oui,Besançon\r\n";
        JsonNode result = upload(keyA, "ancien.csv", csv.getBytes(Charset.forName("windows-1252")),
                "mapping", "{\"Courriel perso\":\"email\",\"Ville\":\"attributes.ville\"}", "updateExisting", "true");
        assertThat(result.get("created").intValue()).isEqualTo(1);
        JsonNode zoe = get(keyA, "/contacts?email=zoe.leclerc@club.fr").get("items").get(0);
        assertThat(zoe.get("firstName").stringValue()).isEqualTo("Zoé");
        assertThat(zoe.at("/attributes/ville").stringValue()).isEqualTo("Besançon");
        assertThat(zoe.at("/consents/EMAIL/MARKETING").booleanValue()).isTrue();
    }

    @Test
    void defaultConsentsGoToCreatedContactsOnlyWithTheirSource() throws Exception {
        assertThat(upload(keyA, "avant.csv", "email;prénom\nancien@club.fr;Ancien\n".getBytes(StandardCharsets.UTF_8))
                .get("created").intValue()).isEqualTo(1);
        JsonNode result = upload(keyA, "bulletins.csv",
                "email;prénom\nancien@club.fr;Ancien\nnouveau@club.fr;Nouveau\n".getBytes(StandardCharsets.UTF_8),
                "consents", "{\"EMAIL\":{\"MARKETING\":true},\"SMS\":{\"MARKETING\":true}}", "consentSource", "FORM");
        assertThat(result.get("created").intValue()).isEqualTo(1);
        assertThat(result.get("updated").intValue()).isEqualTo(1);
        JsonNode created = get(keyA, "/contacts?email=nouveau@club.fr").get("items").get(0);
        assertThat(created.at("/consents/EMAIL/MARKETING").booleanValue()).isTrue();
        assertThat(created.at("/consents/SMS/MARKETING").booleanValue()).isTrue();
        JsonNode existing = get(keyA, "/contacts?email=ancien@club.fr").get("items").get(0);
        assertThat(existing.at("/consents/EMAIL/MARKETING").booleanValue())
                .as("an existing contact's consents only change when the file says so").isFalse();
        JsonNode bad = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/imports"))
                .header("Authorization", "Bearer " + keyA).header("Content-Type", "multipart/form-data; boundary=x")
                .POST(HttpRequest.BodyPublishers.ofString("--x\r\nContent-Disposition: form-data; name=\"consents\"\r\n\r\n"
                        + "{\"EMAIL\":{\"LEGAL\":false}}\r\n--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.csv\"\r\n\r\n"
                        + "email\na@b.fr\r\n--x--\r\n")).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(bad.get("status").intValue()).isEqualTo(422);
    }

    @Test
    void anXlsxFileImportsItsFirstSheet() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Adhérents");
            sheet.value(0, 0, "Email");
            sheet.value(0, 1, "Prénom");
            sheet.value(0, 2, "Date de naissance");
            sheet.value(1, 0, "xlsx.one@club.fr");
            sheet.value(1, 1, "Inès");
            sheet.value(1, 2, java.time.LocalDate.of(1995, 5, 17));
            sheet.style(1, 2).format("dd/mm/yyyy").set();
            sheet.value(2, 0, "xlsx.two@club.fr");
            sheet.value(2, 1, "Yanis");
        }
        JsonNode result = upload(keyA, "adherents.xlsx", out.toByteArray());
        assertThat(result.get("total").intValue()).isEqualTo(2);
        assertThat(result.get("created").intValue()).isEqualTo(2);
        JsonNode ines = get(keyA, "/contacts?email=xlsx.one@club.fr").get("items").get(0);
        assertThat(ines.get("birthDate").stringValue()).isEqualTo("1995-05-17");
    }

    @Test
    void anotherAccountsImportIsA404AndUnknownFieldsAre422() throws Exception {
        JsonNode done = upload(keyA, "a.csv", "email\nisolation@club.fr\n".getBytes(StandardCharsets.UTF_8));
        assertThat(get(keyB, "/imports/" + done.get("id").stringValue()).get("httpStatus").intValue()).isEqualTo(404);
        assertThat(get(keyB, "/contacts?email=isolation@club.fr").get("items")).isEmpty();
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/imports"))
                .header("Authorization", "Bearer " + keyA)
                .header("Content-Type", "multipart/form-data; boundary=x")
                .POST(HttpRequest.BodyPublishers.ofString("--x\r\nContent-Disposition: form-data; name=\"mapping\"\r\n\r\n"
                        + "{\"Email\":\"shoeSize\"}\r\n--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.csv\"\r\n\r\n"
                        + "Email\na@b.fr\r\n--x--\r\n")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("mapping.Email").contains("shoeSize");
    }
}
