// Deactivates demo-device-1 of licensespring-mock's demo seed, signed as the README's curl example
// signs: a Date header and Authorization with base64(HMAC-SHA256(shared key, "licenseSpring\ndate: "
// + Date)). JDK 17, no dependencies. Run: java Deactivate.java [BASE_URL]   (default
// http://127.0.0.1:4010). Prints the answer; exits 1 when the mock refuses (e.g. device_not_found
// the second time), 2 when it cannot be reached.
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class Deactivate {
    // RFC 7231's IMF-fixdate (RFC_1123_DATE_TIME would drop the day's leading zero).
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:4010";
        String apiKey = "demo-api-key";
        String sharedKey = "demo-shared-key";

        String date = HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(sharedKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(("licenseSpring\ndate: " + date).getBytes(StandardCharsets.UTF_8)));

        String body = "{\"hardware_id\":\"demo-device-1\",\"product\":\"demo\",\"license_key\":\"DEMO-OK-0001\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v4/deactivate_license"))
            .timeout(Duration.ofSeconds(60))
            .header("Date", date)
            .header("Authorization", "algorithm=\"hmac-sha256\",headers=\"date\",signature=\"" + signature + "\",apikey=\"" + apiKey + "\"")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
        // HTTP/1.1: the mock speaks plain HTTP/1.1, so no h2c upgrade attempt.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException error) {
            System.err.println(error);
            System.exit(2);
            return;
        }
        System.out.println(response.body()); // "license_deactivated", or {"status":400,"code":"device_not_found",...}
        if (response.statusCode() != 200) System.exit(1);
    }
}
