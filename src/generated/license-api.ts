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
    "/api/v4/activate_license": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Activate a license on a device
         * @description Activates the license identified by `license_key`, `username` (+ `password`) or an SSO
         *     identity on the device `hardware_id`. The answer is the License object, signed: the body's
         *     `license_signature` (v1) is RSA-SHA256 over
         *     `lowercase(hardware_id + "#" + (username before "|" | SSO user's e-mail | license_key) + "#" + (validity_period | ""))`,
         *     and the `LicenseSignature` header (v2) is RSA-SHA256 over the exact JSON body. The mock signs
         *     with its own key pair (`GET /__admin/public-key`, `--signing-key FILE`).
         */
        post: operations["activateLicense"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v4/check_license": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check a license on a device
         * @description Answers the License object for the active device `hardware_id` of the license, signed as
         *     activation is. After a deactivation the device is no longer active: `device_not_found`.
         *     Unknown query parameters are ignored (x-inferred).
         */
        get: operations["checkLicense"];
        put?: never;
        post?: never;
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
        /**
         * @description As for deactivation, without `consumptions`, with `redirect_uri` (SSO code grant). With
         *     `username`, `password` is required (as the SDKs send it) and must match when the license
         *     user has one. Unknown fields are rejected with `validation_error` (x-inferred).
         */
        ActivateLicenseRequest: {
            /** @description Unique hardware ID generated for the client device */
            hardware_id: string;
            /** @description Product short code (case-sensitive) */
            product: string;
            /** @description Required if the product is key-based */
            license_key?: string;
            /** @description Required if the product is user-based (the license user's e-mail) */
            username?: string;
            /** @description The license user's password */
            password?: string;
            /** @description SSO implicit grant id_token (with customer_account_code) */
            id_token?: string;
            /** @description SSO authorization-code grant code (with customer_account_code) */
            code?: string;
            /** @description Customer account the SSO provider is configured for */
            customer_account_code?: string;
            /** @description SSO authorization-code grant redirect URI; accepted and ignored */
            redirect_uri?: string;
            /** @description Act only on the license with this ID */
            license_id?: number;
            /** @description Accepted and ignored */
            bundle_code?: string;
            /** @description Device variables (Node SDK); accepted and ignored. */
            variables?: {
                [key: string]: string | number | boolean;
            };
            sdk_ver?: string;
            /** @description The device is a virtual machine (refused when the license has prevent_vm) */
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
        /**
         * @description The License object of activation and check responses. The mock fills what its seed models;
         *     fields it does not model carry the defaults of a plain license (x-inferred). Other fields
         *     the real API adds are allowed.
         */
        License: {
            id: number;
            /** @description Key-based licenses only */
            license_key?: string;
            /** @enum {string} */
            license_type: "perpetual" | "time-limited" | "subscription" | "consumption";
            is_trial: boolean;
            max_activations: number;
            times_activated: number;
            allow_unlimited_activations: boolean;
            transfer_count: number;
            /** @description 0 means no limit */
            max_transfers: number;
            prevent_vm: boolean;
            /** Format: date */
            start_date: string | null;
            /** @description ISO 8601 instant with `Z` (so the v1 signature does not depend on the client's time zone); a date-only seed value is sent as its midnight UTC (x-inferred). */
            validity_period: string | null;
            allow_offline_activation?: boolean;
            is_floating: boolean;
            is_floating_cloud: boolean;
            floating_users?: number;
            floating_timeout?: number;
            floating_in_use_devices?: number;
            can_borrow?: boolean;
            max_borrow_time?: number;
            enable_maintenance_period?: boolean;
            maintenance_period?: string | null;
            grace_period?: number;
            allow_grace_period?: boolean;
            is_air_gapped?: boolean;
            is_hardware_key_auth?: boolean;
            max_consumptions?: number;
            total_consumptions?: number;
            allow_unlimited_consumptions?: boolean;
            allow_negative_consumptions?: boolean;
            allow_overages?: boolean;
            max_overages?: number;
            reset_consumption?: boolean;
            consumption_period?: string | null;
            product_details: {
                product_id: number;
                product_name: string;
                short_code: string;
                /** @enum {string} */
                authorization_method: "license-key" | "user";
                metadata?: Record<string, never>;
            };
            product_features?: Record<string, never>[];
            custom_fields?: Record<string, never>[];
            customer?: Record<string, never> | null;
            company?: {
                id?: number;
            };
            metadata?: Record<string, never>;
            license_template_id?: number | null;
            /** @description User-based licenses */
            max_license_users?: number;
            user?: components["schemas"]["LicenseUser"];
            /** @description v1 signature (see the operation) */
            license_signature: string;
        };
        /** @description The license user acting (user-based licenses and SSO). */
        LicenseUser: {
            id: number;
            email: string;
            first_name?: string;
            last_name?: string;
            phone_number?: string;
            is_initial_password?: boolean;
            max_activations: number;
            total_activations: number;
            allow_unlimited_activations: boolean;
        };
        ActivateLicenseResponse: components["schemas"]["License"] & {
            /** @constant */
            active: true;
            license_enabled: boolean;
            is_expired: boolean;
            /** @constant */
            request: "activation";
            hardware_id: string;
            device_id: number;
            installation_file?: Record<string, never> | null;
        };
        CheckLicenseResponse: components["schemas"]["License"] & {
            license_active: boolean;
            license_enabled: boolean;
            is_expired: boolean;
            device_id: number;
            is_borrowed: boolean;
            borrowed_until: string | null;
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
        ErrorCode: "not_found" | "method_not_allowed" | "missing_headers" | "authorization_invalid_headers" | "authorization_missing_params" | "hmac_required" | "invalid_api_key" | "revoked_api_key" | "date_header_diff" | "signature_mismatch" | "read_only_api_key" | "invalid_json" | "missing_parameters" | "validation_error" | "unknown_product" | "api_key_product_not_allowed" | "license_not_found" | "license_not_enabled" | "blacklisted" | "vm_not_allowed" | "license_start_date_error" | "license_expired" | "license_not_active" | "device_not_found" | "license_transferred_max_times" | "license_not_consumption" | "license_not_enough_consumptions" | "license_activated_max_times" | "license_user_activated_max_times" | "license_device_exists" | "offline_floating_cloud_not_supported" | "internal_error" | "payload_too_large" | "host_not_allowed" | "state_not_saved" | "invalid_prefer_header";
    };
    responses: {
        /** @description A documented error. The example name is the error code. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No such path under the License API. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The path exists but takes another method. */
        MethodNotAllowed: {
            headers: {
                Allow?: "POST" | "GET";
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description A server failure; the mock answers it only when a fault or `Prefer` asks for it. */
        ServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The request body is larger than the mock's limit (1 MiB). */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Mock only. The `Prefer` header names no documented response. */
        PreferNotHonoured: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description Mock only. The `Host` header names neither a loopback host nor one allowed with
         *     `--allow-host` (DNS rebinding protection; see the README, "Security").
         */
        HostNotAllowed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description Mock only, with `--state-file`. The change was applied in memory but could not be written to
         *     the state file; it is not on disk yet. The mock keeps retrying the save.
         */
        StateNotSaved: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /**
         * @description Current time in RFC 7231 IMF-fixdate, e.g. `Thu, 17 Nov 2022 20:51:35 GMT`. Must be within 15 minutes of the server's time.
         * @example Thu, 17 Nov 2022 20:51:35 GMT
         */
        DateHeader: string;
        /**
         * @description `algorithm="hmac-sha256", headers="date", signature="<base64 HMAC-SHA256(shared key, 'licenseSpring\ndate: ' + Date)>", apikey="<API key>"`.
         *     Parameter names are case-insensitive (the Python SDK sends `apiKey`); spaces after commas are optional.
         * @example algorithm="hmac-sha256",headers="date",signature="UDysfR6MndUZReo07Y9r+vErn8vSxrnQ5ulit18iJ/Q=",apikey="demo-api-key"
         */
        AuthorizationHeader: string;
        /**
         * @description Mock only (Prism's grammar): `code=400, example=<error code>` answers that documented error
         *     without touching state; `code=200` answers deactivation's success without touching state
         *     (on activate_license and check_license it answers 422: a signed License comes from the state).
         */
        PreferHeader: string;
    };
    requestBodies: never;
    headers: {
        /** @description v2 signature, base64 RSA-SHA256 over the exact JSON body, with the mock's key pair. SDKs verify it with the public key they are configured with. */
        LicenseSignature: string;
    };
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
                Date: components["parameters"]["DateHeader"];
                /**
                 * @description `algorithm="hmac-sha256", headers="date", signature="<base64 HMAC-SHA256(shared key, 'licenseSpring\ndate: ' + Date)>", apikey="<API key>"`.
                 *     Parameter names are case-insensitive (the Python SDK sends `apiKey`); spaces after commas are optional.
                 * @example algorithm="hmac-sha256",headers="date",signature="UDysfR6MndUZReo07Y9r+vErn8vSxrnQ5ulit18iJ/Q=",apikey="demo-api-key"
                 */
                Authorization: components["parameters"]["AuthorizationHeader"];
                /**
                 * @description Mock only (Prism's grammar): `code=400, example=<error code>` answers that documented error
                 *     without touching state; `code=200` answers deactivation's success without touching state
                 *     (on activate_license and check_license it answers 422: a signed License comes from the state).
                 */
                Prefer?: components["parameters"]["PreferHeader"];
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
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            421: components["responses"]["HostNotAllowed"];
            422: components["responses"]["PreferNotHonoured"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["StateNotSaved"];
        };
    };
    activateLicense: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Current time in RFC 7231 IMF-fixdate, e.g. `Thu, 17 Nov 2022 20:51:35 GMT`. Must be within 15 minutes of the server's time.
                 * @example Thu, 17 Nov 2022 20:51:35 GMT
                 */
                Date: components["parameters"]["DateHeader"];
                /**
                 * @description `algorithm="hmac-sha256", headers="date", signature="<base64 HMAC-SHA256(shared key, 'licenseSpring\ndate: ' + Date)>", apikey="<API key>"`.
                 *     Parameter names are case-insensitive (the Python SDK sends `apiKey`); spaces after commas are optional.
                 * @example algorithm="hmac-sha256",headers="date",signature="UDysfR6MndUZReo07Y9r+vErn8vSxrnQ5ulit18iJ/Q=",apikey="demo-api-key"
                 */
                Authorization: components["parameters"]["AuthorizationHeader"];
                /**
                 * @description Mock only (Prism's grammar): `code=400, example=<error code>` answers that documented error
                 *     without touching state; `code=200` answers deactivation's success without touching state
                 *     (on activate_license and check_license it answers 422: a signed License comes from the state).
                 */
                Prefer?: components["parameters"]["PreferHeader"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActivateLicenseRequest"];
            };
        };
        responses: {
            /** @description The device was activated (or re-activated). The License object, signed. */
            200: {
                headers: {
                    LicenseSignature: components["headers"]["LicenseSignature"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivateLicenseResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            421: components["responses"]["HostNotAllowed"];
            422: components["responses"]["PreferNotHonoured"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["StateNotSaved"];
        };
    };
    checkLicense: {
        parameters: {
            query: {
                hardware_id: string;
                product: string;
                /** @description Required if the product is key-based */
                license_key?: string;
                /** @description Required if the product is user-based */
                username?: string;
                license_id?: number;
                /** @description Sent by the Node SDK; accepted and ignored */
                include_expired_features?: boolean;
                bundle_code?: string;
                env?: string;
                channel?: string;
                sdk_ver?: string;
                app_ver?: string;
                os_ver?: string;
                hostname?: string;
                os_hostname?: string;
                ip?: string;
                ip_local?: string;
                mac_address?: string;
            };
            header: {
                /**
                 * @description Current time in RFC 7231 IMF-fixdate, e.g. `Thu, 17 Nov 2022 20:51:35 GMT`. Must be within 15 minutes of the server's time.
                 * @example Thu, 17 Nov 2022 20:51:35 GMT
                 */
                Date: components["parameters"]["DateHeader"];
                /**
                 * @description `algorithm="hmac-sha256", headers="date", signature="<base64 HMAC-SHA256(shared key, 'licenseSpring\ndate: ' + Date)>", apikey="<API key>"`.
                 *     Parameter names are case-insensitive (the Python SDK sends `apiKey`); spaces after commas are optional.
                 * @example algorithm="hmac-sha256",headers="date",signature="UDysfR6MndUZReo07Y9r+vErn8vSxrnQ5ulit18iJ/Q=",apikey="demo-api-key"
                 */
                Authorization: components["parameters"]["AuthorizationHeader"];
                /**
                 * @description Mock only (Prism's grammar): `code=400, example=<error code>` answers that documented error
                 *     without touching state; `code=200` answers deactivation's success without touching state
                 *     (on activate_license and check_license it answers 422: a signed License comes from the state).
                 */
                Prefer?: components["parameters"]["PreferHeader"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The license is active on this device. The License object, signed. */
            200: {
                headers: {
                    LicenseSignature: components["headers"]["LicenseSignature"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckLicenseResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            421: components["responses"]["HostNotAllowed"];
            422: components["responses"]["PreferNotHonoured"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["StateNotSaved"];
        };
    };
}
