// Deactivates demo-device-1 of licensespring-mock's demo seed, signed as the README's curl example
// signs: a Date header and Authorization with base64(HMAC-SHA256(shared key, "licenseSpring\ndate: "
// + Date)). Standard library only. Run: go run . [BASE_URL]   (default http://127.0.0.1:4010)
// Prints the answer; exits 1 when the mock refuses (e.g. device_not_found the second time), 2 when
// it cannot be reached.
package main

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"
)

func main() {
	base := "http://127.0.0.1:4010"
	if len(os.Args) > 1 {
		base = os.Args[1]
	}
	apiKey, sharedKey := "demo-api-key", "demo-shared-key"

	date := time.Now().UTC().Format(http.TimeFormat) // RFC 7231: Tue, 01 Dec 2026 09:00:00 GMT
	mac := hmac.New(sha256.New, []byte(sharedKey))
	mac.Write([]byte("licenseSpring\ndate: " + date))
	signature := base64.StdEncoding.EncodeToString(mac.Sum(nil))

	body := []byte(`{"hardware_id":"demo-device-1","product":"demo","license_key":"DEMO-OK-0001"}`)
	request, err := http.NewRequest(http.MethodPost, base+"/api/v4/deactivate_license", bytes.NewReader(body))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	request.Header.Set("Date", date)
	request.Header.Set("Authorization", fmt.Sprintf(`algorithm="hmac-sha256",headers="date",signature="%s",apikey="%s"`, signature, apiKey))
	request.Header.Set("Content-Type", "application/json")

	response, err := (&http.Client{Timeout: 60 * time.Second}).Do(request)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	defer response.Body.Close()
	answer, err := io.ReadAll(response.Body)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	fmt.Println(string(answer)) // "license_deactivated", or {"status":400,"code":"device_not_found",...}
	if response.StatusCode != http.StatusOK {
		os.Exit(1)
	}
}
