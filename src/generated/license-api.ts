// Generated from openapi/license-api.yaml by `npm run generate`. Do not edit.
export interface paths {
    "/api/v4/deactivate_license": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deactivate a license on a device
         * @description Deactivates the active device matching `hardware_id` on the license identified by
         *     `license_key` (key-based products), `username` (user-based products) or an SSO identity
         *     (`id_token` or `code` with `customer_account_code`). The device is kept, marked inactive.
         */
        post: operations["deactivateLicense"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description `hardware_id` and `product` are always required. Key-based products need `license_key`;
         *     user-based products need `username`, or `id_token` or `code` together with
         *     `customer_account_code`. Unknown fields are rejected with `validation_error` (x-inferred).
         */
        DeactivateLicenseRequest: {
            /** @description Unique hardware ID generated for the client device */
            hardware_id: string;
            /** @description Product short code (case-sensitive) */
            product: string;
            /** @description Required if the product is key-based */
            license_key?: string;
            /** @description Required if the product is user-based (the license user's e-mail) */
            username?: string;
            /** @description The license user's password; checked when given (current SDKs do not send it) */
            password?: string;
            /** @description SSO implicit grant id_token (with customer_account_code) */
            id_token?: string;
            /** @description SSO authorization-code grant code (with customer_account_code) */
            code?: string;
            /** @description Customer account the SSO provider is configured for */
            customer_account_code?: string;
            /** @description Act only on the license with this ID */
            license_id?: number;
            /** @description Increases (or, when negative, decreases) total_consumptions of a consumption license. The docs say "number"; the mock accepts integers. */
            consumptions?: number;
            /** @description Sent by the Node and Python SDKs for licenses activated through a bundle; accepted and ignored */
            bundle_code?: string;
            /** @description Device variables (Node SDK); accepted and ignored. */
            variables?: {
                [key: string]: string | number | boolean;
            };
            /** @description Version of the SDK used */
            sdk_ver?: string;
            /** @description The device is a virtual machine */
            is_vm?: boolean;
            vm_info?: string;
            os_ver?: string;
            hostname?: string;
            os_hostname?: string;
            ip?: string;
            ip_local?: string;
            app_ver?: string;
            mac_address?: string;
        };
        /** @constant */
        DeactivateLicenseResponse: "license_deactivated";
        /** @description The error envelope of the License API. No other keys. */
        Error: {
            /** @description The HTTP status */
            status: number;
            code: components["schemas"]["ErrorCode"];
            message: string;
        };
        /**
         * @description Every code licensespring-mock can answer (the errors table in src/core/errors.ts).
         * @enum {string}
         */
        ErrorCode: "not_found" | "method_not_allowed" | "missing_headers" | "authorization_invalid_headers" | "authorization_missing_params" | "hmac_required" | "invalid_api_key" | "revoked_api_key" | "date_header_diff" | "signature_mismatch" | "read_only_api_key" | "invalid_json" | "missing_parameters" | "validation_error" | "unknown_product" | "api_key_product_not_allowed" | "license_not_found" | "license_not_enabled" | "blacklisted" | "vm_not_allowed" | "license_start_date_error" | "license_expired" | "license_not_active" | "device_not_found" | "license_transferred_max_times" | "license_not_consumption" | "license_not_enough_consumptions" | "license_activated_max_times" | "license_user_activated_max_times" | "license_device_exists" | "offline_floating_cloud_not_supported" | "internal_error" | "payload_too_large" | "invalid_prefer_header";
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    deactivateLicense: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Current time in RFC 7231 IMF-fixdate, e.g. `Thu, 17 Nov 2022 20:51:35 GMT`. Must be within 15 minutes of the server's time.
                 * @example Thu, 17 Nov 2022 20:51:35 GMT
                 */
                Date: string;
                /**
                 * @description `algorithm="hmac-sha256", headers="date", signature="<base64 HMAC-SHA256(shared key, 'licenseSpring\ndate: ' + Date)>", apikey="<API key>"`.
                 *     Parameter names are case-insensitive (the Python SDK sends `apiKey`); spaces after commas are optional.
                 * @example algorithm="hmac-sha256",headers="date",signature="UDysfR6MndUZReo07Y9r+vErn8vSxrnQ5ulit18iJ/Q=",apikey="demo-api-key"
                 */
                Authorization: string;
                /**
                 * @description Mock only (Prism's grammar): `code=400, example=<error code>` answers that documented error
                 *     without touching state; `code=200` answers success without touching state.
                 */
                Prefer?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeactivateLicenseRequest"];
            };
        };
        responses: {
            /** @description The device was deactivated. The body is the JSON string `"license_deactivated"`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeactivateLicenseResponse"];
                };
            };
            /** @description A documented error. The example name is the error code. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such path under the License API. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The path exists but takes another method. */
            405: {
                headers: {
                    Allow?: "POST";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is larger than the mock's limit (1 MiB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Mock only. The `Prefer` header names no documented response. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A server failure; the mock answers it only when a fault or `Prefer` asks for it. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
