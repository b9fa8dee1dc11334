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
    "/api/v4/add_consumption": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add consumptions to a consumption license
         * @description Adds `consumptions` (default 1; negative takes back) to `total_consumptions` of a consumption
         *     license on an active device, within add_consumption's limits: `max_consumptions`, plus
         *     `max_overages` when overages are allowed (0 = unlimited overages), no limit with
         *     `allow_unlimited_consumptions`, and no total below zero unless `allow_negative_consumptions`.
         *     `allow_overages` / `max_overages` in the request stand for the license's own for this call
         *     (x-inferred). Signed with the `LicenseSignature` header.
         */
        post: operations["addConsumption"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v4/add_feature_consumption": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add consumptions to a consumption feature of a license
         * @description As add_consumption, for the license feature `feature` (a consumption feature of the license),
         *     with the feature's limits (`max_consumption`, overages, unlimited, negative). Signed with the
         *     `LicenseSignature` header.
         */
        post: operations["addFeatureConsumption"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v4/check_license_feature": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check a feature of a license on a device
         * @description Answers the license feature `feature` for an active device. A floating feature
         *     (`is_floating_cloud`) takes one of its `floating_users` slots for the device, or renews the
         *     one it holds; a full pool answers `floating_not_available`. Signed with the
         *     `LicenseSignature` header.
         */
        get: operations["checkLicenseFeature"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v4/floating/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Release the floating slot a device holds
         * @description Frees the device's slot of a floating license (and ends a borrow). The device stays
         *     activated. The answer is an empty body. Releasing a license that is not floating, or a
         *     slot not held, changes nothing (x-inferred).
         */
        post: operations["floatingRelease"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v4/floating/borrow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Borrow a floating license's slot until a date
         * @description The device holds its slot until `borrowed_until` (an ISO 8601 instant; `null` = now +
         *     `max_borrow_time` hours), whatever checks it misses. `borrowed_until` in the past or more
         *     than `max_borrow_time` hours ahead answers `borrow_until_not_valid`; a license that is not
         *     floating answers `license_not_floating` (x-inferred); a full pool `floating_not_available`.
         *     Signed with the `LicenseSignature` header.
         */
        post: operations["floatingBorrow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v4/floating/feature_borrow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Borrow a floating feature's slot until a date
         * @description As floating/borrow, for the floating feature `feature` of the license. Signed with the `LicenseSignature` header.
         */
        post: operations["floatingFeatureBorrow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v4/floating/feature_release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Release the slot a device holds of a floating feature
         * @description Frees the device's slot of the floating feature `feature`. A feature that is not floating
         *     answers `feature_not_floating`; a device that holds no slot of it
         *     `floating_feature_device_not_in_use`. The answer is an empty body.
         */
        post: operations["floatingFeatureRelease"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v4/trial_key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a trial license for a machine
         * @description The first call for a product and machine creates a trial license (`is_trial`,
         *     `time-limited`, `trial_days` of the product from the mock clock's now): key-based products
         *     get a license key, user-based ones (which need `email`) a license user with an initial
         *     password. The same machine gets the same trial back (a shorter answer); once it has expired,
         *     `trial_expired`. Products without `allow_trial` answer `trial_not_allowed`. Signed with the
         *     `LicenseSignature` header.
         */
        get: operations["trialKey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v4/product_details": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Details of a product
         * @description The product's settings (trial, floating, borrowing, VM), metadata, its latest enabled
         *     version (`include_latest_version`, filtered by `env`) and custom fields
         *     (`include_custom_fields`). Signed with the `LicenseSignature` header.
         */
        get: operations["productDetails"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v4/track_device_variables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Store variables of an active device
         * @description Merges `variables` into the device's variables. Signed with the `LicenseSignature` header.
         */
        post: operations["trackDeviceVariables"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v4/get_device_variables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The variables of an active device
         * @description Every variable of the device. Signed with the `LicenseSignature` header.
         */
        get: operations["getDeviceVariables"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v4/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Versions of the product available to a licensed device
         * @description The product's enabled versions for `env` and `channel` (all when not given), for a device
         *     active on the license; else `active_license_required`. Signed with the `LicenseSignature` header.
         */
        get: operations["versions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v4/installation_file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The installation file of a version
         * @description The installation file of `version` (default: the latest enabled version for `env` and
         *     `channel`), for a device active on the license; `version_not_found` when there is none.
         *     Signed with the `LicenseSignature` header.
         */
        get: operations["installationFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v4/activate_bundle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Activate every license of a bundle on a device
         * @description `product` is the bundle's short code; the identity is the bundle license's. Each license of
         *     the bundle is activated on `hardware_id` under the activation rules, all or nothing. The
         *     answer is an array of License objects, each with its v1 `license_signature` over the
         *     request's own identity, and the `LicenseSignature` header over the array.
         */
        post: operations["activateBundle"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v4/check_bundle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check every license of a bundle on a device
         * @description As check_license for each license of the bundle; an array of License objects, signed as activate_bundle's.
         */
        get: operations["checkBundle"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v4/deactivate_bundle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deactivate every license of a bundle on a device
         * @description As deactivate_license for each license of the bundle, all or nothing. The body is the JSON string `"license_deactivated"`.
         */
        post: operations["deactivateBundle"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v4/user_licenses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The licenses of a license user
         * @description Every license of `product` the user belongs to, by `username` and `password` (checked when the
         *     user has one) or an SSO identity, each with the user. Signed with the `LicenseSignature` header.
         */
        get: operations["userLicenses"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v4/customer_license_users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The license users of a customer's licenses
         * @description The customer (`customer`, an e-mail) and the users of their licenses of `product`. A customer
         *     no license names answers `customer_does_not_exist`; one with no license of the product,
         *     `customer_not_found`. Signed with the `LicenseSignature` header.
         */
        get: operations["customerLicenseUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v4/sso_url": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where a customer account's users log in
         * @description The identity provider's authorization URL of the customer account (the seed's `sso_accounts`),
         *     with `response_type` (`code` or `token`, default `token`), `redirect_uri` and the account as
         *     `client_id`. An account without SSO settings answers `customer_account_not_found`. Signed
         *     with the `LicenseSignature` header.
         */
        get: operations["ssoUrl"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v4/change_password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change a license user's password
         * @description The user `username` with the current `password` gets `new_password` on every license they
         *     belong to, and `is_initial_password` is cleared. A wrong password, an unknown user, or a
         *     user not allowed to change it (`allow_password_change: false`) answers
         *     `change_password_not_allowed` (x-inferred). The body is the JSON string `"password_changed"`.
         */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v4/oauth_url": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where OAuth clients get their tokens
         * @description Answered to anyone (no Date, no Authorization): the mock's own token endpoint, at the address
         *     the client reached. `login_type` must be `client_credentials`.
         */
        get: operations["oauthUrl"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/realms/user-portal/protocol/openid-connect/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An OAuth access token for client credentials (Keycloak's shape)
         * @description `grant_type=client_credentials&client_id=…&client_secret=…`, form-encoded, for credentials
         *     with `client_id` and `client_secret`. The token is a Bearer token for the License API, valid
         *     `expires_in` seconds of real time. Errors are Keycloak's (`{error, error_description}`), not
         *     the License API's envelope.
         */
        post: operations["oauthToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v4/activate_offline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Activate a license from an offline request file
         * @description The body is the text of an SDK's offline activation request (`text/plain`, base64 of JSON):
         *     the flat legacy form (`request: "activation"`, its `signature` over the Date, the identity,
         *     the hardware_id and the api key or client id) or the wrapped form (`{request, signature}`,
         *     HMAC-SHA256 over the exact text of `request` with the shared key or client secret). The
         *     activation follows activate_license's rules (floating cloud licenses answer
         *     `offline_floating_cloud_not_supported`). The answer carries its signatures in the body:
         *     `license_signature` (v1, over the request's identity), `license_signature_v2` (over the
         *     answer without the two license signatures) and `offline_signature` (HMAC over `date`).
         */
        post: operations["activateOffline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v4/deactivate_offline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deactivate a license from an offline request file
         * @description The body is an SDK's offline deactivation request (`text/plain`, base64 of JSON, the flat or
         *     the wrapped form, with or without `request` and `request_id`), verified as activate_offline's.
         *     The deactivation follows deactivate_license's rules; `consumptions`, `product_features`
         *     (their `consumptions`) and `variables` in the request are applied. The body is the JSON
         *     string `"license_deactivated"`.
         */
        post: operations["deactivateOffline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The host root answers 200
         * @description What the Python SDK's `LicenseManager.is_online()` asks (it expects exactly 200). No auth.
         */
        get: operations["root"];
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
            sdk_ver?: string | null;
            /** @description The device is a virtual machine */
            is_vm?: boolean;
            /** @description Device metadata; accepted and ignored (null too */
            vm_info?: string | null;
            /** @description Device metadata; accepted and ignored (null too */
            os_ver?: string | null;
            /** @description Device metadata; accepted and ignored (null too */
            hostname?: string | null;
            /** @description Device metadata; accepted and ignored (null too */
            os_hostname?: string | null;
            /** @description Device metadata; accepted and ignored (null too */
            ip?: string | null;
            /** @description Device metadata; accepted and ignored (null too */
            ip_local?: string | null;
            /** @description Device metadata; accepted and ignored (null too */
            app_ver?: string | null;
            /** @description Device metadata; accepted and ignored (null too */
            mac_address?: string | null;
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
            sdk_ver?: string | null;
            /** @description The device is a virtual machine (refused when the license has prevent_vm) */
            is_vm?: boolean;
            /** @description Device metadata; accepted and ignored (null too */
            vm_info?: string | null;
            /** @description Device metadata; accepted and ignored (null too */
            os_ver?: string | null;
            /** @description Device metadata; accepted and ignored (null too */
            hostname?: string | null;
            /** @description Device metadata; accepted and ignored (null too */
            os_hostname?: string | null;
            /** @description Device metadata; accepted and ignored (null too */
            ip?: string | null;
            /** @description Device metadata; accepted and ignored (null too */
            ip_local?: string | null;
            /** @description Device metadata; accepted and ignored (null too */
            app_ver?: string | null;
            /** @description Device metadata; accepted and ignored (null too */
            mac_address?: string | null;
        };
        /** @description The License object with its v1 `license_signature` (activation, check, bundles, offline). */
        License: components["schemas"]["LicenseFields"] & {
            /** @description v1: RSA-SHA256 over lowercase(hardware_id#license_key|username#validity_period) */
            license_signature: string;
        };
        /**
         * @description The License object of activation and check responses. The mock fills what its seed models;
         *     fields it does not model carry the defaults of a plain license (x-inferred). Other fields
         *     the real API adds are allowed.
         */
        LicenseFields: {
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
                allow_trial?: boolean;
                trial_days?: number;
                /** @description Minutes */
                floating_timeout?: number;
                /** @description Hours */
                max_borrow_time?: number;
                /** @description The product's (the Python SDK reads it on offline activation) */
                prevent_vm: boolean;
                metadata?: {
                    [key: string]: unknown;
                };
            };
            product_features?: components["schemas"]["LicenseFeature"][];
            custom_fields?: components["schemas"]["CustomField"][];
            customer?: components["schemas"]["Customer"] | null;
            /** @description Check: the latest installation file's link (or null); activation: null */
            installation_file?: string | Record<string, never> | null;
            /** @description Check only, when the product has versions: its latest installation file, as installation_file answers it */
            version?: string | null;
            release_date?: string | null;
            hash_md5?: string | null;
            environment?: string | null;
            eula_link?: string | null;
            release_notes_link?: string | null;
            size?: string | null;
            channel?: string | null;
            requires_version?: string | null;
            company?: {
                id?: number;
            };
            metadata?: {
                [key: string]: unknown;
            };
            license_template_id?: number | null;
            /** @description User-based licenses */
            max_license_users?: number;
            user?: components["schemas"]["LicenseUser"];
            /** @description v1 signature (see the operation) */
            license_signature?: string;
        };
        /**
         * @description A license and a device: `hardware_id`, `product` and the license identity (`license_key`,
         *     `username`, or `id_token`/`code` with `customer_account_code`). Unknown fields are rejected
         *     with `validation_error` (x-inferred).
         */
        LicenseDeviceRequest: {
            hardware_id: string;
            product: string;
            license_key?: string;
            username?: string;
            /** @description Checked when the license user has one */
            password?: string;
            id_token?: string;
            code?: string;
            customer_account_code?: string;
            /** @description Accepted and ignored */
            redirect_uri?: string;
            license_id?: number;
            /** @description Accepted and ignored */
            bundle_code?: string;
            sdk_ver?: string | null;
        };
        AddConsumptionRequest: {
            hardware_id: string;
            product: string;
            license_key?: string;
            username?: string;
            /** @description Checked when the license user has one */
            password?: string;
            id_token?: string;
            code?: string;
            customer_account_code?: string;
            /** @description Accepted and ignored */
            redirect_uri?: string;
            license_id?: number;
            /** @description Accepted and ignored */
            bundle_code?: string;
            sdk_ver?: string | null;
            /**
             * @description Added to total_consumptions (negative takes back); 1 when absent
             * @default 1
             */
            consumptions: number;
            /** @description Stands for the license's own for this call (x-inferred) */
            allow_overages?: boolean;
            /** @description Stands for the license's own for this call (x-inferred) */
            max_overages?: number;
            /** @description Accepted and ignored */
            ignore_events?: boolean;
            /** @description Accepted and ignored */
            event?: ("consumption_add" | "offline_floating_consumptions_sync")[];
        };
        AddFeatureConsumptionRequest: {
            hardware_id: string;
            product: string;
            license_key?: string;
            username?: string;
            /** @description Checked when the license user has one */
            password?: string;
            id_token?: string;
            code?: string;
            customer_account_code?: string;
            /** @description Accepted and ignored */
            redirect_uri?: string;
            license_id?: number;
            /** @description Accepted and ignored */
            bundle_code?: string;
            sdk_ver?: string | null;
            /** @description The feature code */
            feature: string;
            /** @default 1 */
            consumptions: number;
            /** @description Accepted and ignored */
            event?: ("consumption_add" | "offline_floating_consumptions_sync")[];
        };
        FeatureDeviceRequest: {
            hardware_id: string;
            product: string;
            license_key?: string;
            username?: string;
            /** @description Checked when the license user has one */
            password?: string;
            id_token?: string;
            code?: string;
            customer_account_code?: string;
            /** @description Accepted and ignored */
            redirect_uri?: string;
            license_id?: number;
            /** @description Accepted and ignored */
            bundle_code?: string;
            sdk_ver?: string | null;
            /** @description The feature code */
            feature: string;
        };
        FloatingBorrowRequest: {
            hardware_id: string;
            product: string;
            license_key?: string;
            username?: string;
            /** @description Checked when the license user has one */
            password?: string;
            id_token?: string;
            code?: string;
            customer_account_code?: string;
            /** @description Accepted and ignored */
            redirect_uri?: string;
            license_id?: number;
            /** @description Accepted and ignored */
            bundle_code?: string;
            sdk_ver?: string | null;
            /** @description ISO 8601 instant; null (or absent) = now + max_borrow_time hours */
            borrowed_until?: string | null;
        };
        FloatingFeatureBorrowRequest: {
            hardware_id: string;
            product: string;
            license_key?: string;
            username?: string;
            /** @description Checked when the license user has one */
            password?: string;
            id_token?: string;
            code?: string;
            customer_account_code?: string;
            /** @description Accepted and ignored */
            redirect_uri?: string;
            license_id?: number;
            /** @description Accepted and ignored */
            bundle_code?: string;
            sdk_ver?: string | null;
            feature: string;
            borrowed_until?: string | null;
        };
        TrackDeviceVariablesRequest: {
            hardware_id: string;
            product: string;
            license_key?: string;
            username?: string;
            /** @description Checked when the license user has one */
            password?: string;
            id_token?: string;
            code?: string;
            customer_account_code?: string;
            /** @description Accepted and ignored */
            redirect_uri?: string;
            license_id?: number;
            /** @description Accepted and ignored */
            bundle_code?: string;
            sdk_ver?: string | null;
            variables?: {
                [key: string]: string | number | boolean;
            };
        };
        /**
         * @description What activate_offline's body decodes to (its `request` in the wrapped form). Fields other
         *     SDKs write are accepted and ignored: the file is the SDK's, not the caller's (x-inferred).
         */
        OfflineActivationRequest: {
            hardware_id: string;
            product: string;
            license_key?: string;
            username?: string;
            /** @description Checked when the license user has one */
            password?: string;
            license_id?: number;
            /** @description Accepted and ignored */
            bundle_code?: string;
            /** @description Echoed in the answer (the Python SDK matches it to its guard file) */
            request_id?: string;
            schema_version?: number;
            /** @description When the SDK wrote the file (any text; not checked) */
            date?: string;
            /** @description The flat form: HMAC-SHA256 over "licenseSpring\ndate: <date>\n<license_key|username>\n<hardware_id>\n<api_key|client_id>" */
            signature?: string;
            api_key?: string;
            client_id?: string;
            sdk_ver?: string | null;
            app_name?: string | null;
            app_ver?: string | null;
            os_ver?: string | null;
            hostname?: string | null;
            ip?: string | null;
            mac_address?: string | null;
            is_vm?: boolean;
            vm_info?: string | null;
            /** @description Device variables, as a map or as the SDKs' list of `{variable, value}` */
            variables?: {
                [key: string]: string | number | boolean;
            } | {
                variable: string;
                value: string | number | boolean;
            }[];
            /** @enum {string} */
            request?: "activation";
        } & {
            [key: string]: unknown;
        };
        /**
         * @description What deactivate_offline's body decodes to. `consumptions` and each feature's `consumptions`
         *     are added (license and feature limits apply), `variables` stored on the device, before it is
         *     deactivated (x-inferred).
         */
        OfflineDeactivationRequest: {
            hardware_id: string;
            product: string;
            license_key?: string;
            username?: string;
            /** @description Checked when the license user has one */
            password?: string;
            license_id?: number;
            /** @description Accepted and ignored */
            bundle_code?: string;
            /** @description Echoed in the answer (the Python SDK matches it to its guard file) */
            request_id?: string;
            schema_version?: number;
            /** @description When the SDK wrote the file (any text; not checked) */
            date?: string;
            /** @description The flat form: HMAC-SHA256 over "licenseSpring\ndate: <date>\n<license_key|username>\n<hardware_id>\n<api_key|client_id>" */
            signature?: string;
            api_key?: string;
            client_id?: string;
            sdk_ver?: string | null;
            app_name?: string | null;
            app_ver?: string | null;
            os_ver?: string | null;
            hostname?: string | null;
            ip?: string | null;
            mac_address?: string | null;
            is_vm?: boolean;
            vm_info?: string | null;
            /** @description Device variables, as a map or as the SDKs' list of `{variable, value}` */
            variables?: {
                [key: string]: string | number | boolean;
            } | {
                variable: string;
                value: string | number | boolean;
            }[];
            /** @enum {string} */
            request?: "deactivation";
            consumptions?: number;
            /** @description Consumptions per feature, as `[{code, consumptions}]` or a map code → consumptions */
            product_features?: {
                code: string;
                consumptions?: number;
            }[] | {
                [key: string]: number;
            };
        } & {
            [key: string]: unknown;
        };
        LicenseConsumption: {
            /** @description The license id */
            id: number;
            max_consumptions: number;
            total_consumptions: number;
            allow_unlimited_consumptions: boolean;
            allow_negative_consumptions: boolean;
            allow_overages: boolean;
            max_overages: number;
            reset_consumption?: boolean;
            consumption_period?: string | null;
            company?: {
                id?: number;
            };
        };
        FeatureConsumption: {
            /** @description The license feature's id */
            id: number;
            license_id: number;
            total_consumptions: number;
            /** @description Plural here */
            max_consumptions: number;
            allow_unlimited_consumptions: boolean;
            allow_negative_consumptions: boolean;
            allow_overages: boolean;
            max_overages: number;
            reset_consumption?: boolean;
            consumption_period?: string | null;
            is_floating?: boolean;
            is_floating_cloud?: boolean;
            floating_timeout?: number;
            floating_users?: number;
            company?: {
                id?: number;
            };
        };
        /** @description A feature of a license (in `product_features` of the License object, and the answer of check_license_feature). */
        LicenseFeature: {
            id: number;
            license_id?: number;
            code: string;
            name: string;
            /** @enum {string} */
            feature_type: "activation" | "consumption";
            expiry_date: string | null;
            is_expired?: boolean;
            metadata: {
                [key: string]: unknown;
            };
            metadata_string?: string;
            is_floating: boolean;
            is_floating_cloud: boolean;
            floating_users?: number;
            /** @description Minutes */
            floating_timeout?: number;
            floating_in_use_devices?: number;
            max_consumption?: number;
            total_consumptions?: number;
            allow_overages?: boolean;
            max_overages?: number;
            allow_unlimited_consumptions?: boolean;
            allow_negative_consumptions?: boolean;
            reset_consumption?: boolean;
            consumption_period?: string | null;
        };
        FloatingBorrow: {
            /** @description ISO 8601 instant with Z */
            borrowed_until: string;
            /** @description Hours */
            max_borrow_time: number;
            device_id?: number;
            license_id: number;
            company?: {
                id?: number;
            };
        };
        /**
         * @description A new trial: the license's fields with `license` (and `license_key`) for key-based products,
         *     or `license_user`, `initial_password`, `license_user_id` and `max_license_users` for
         *     user-based ones. This machine's existing trial: `license_type`, `is_trial` and `license`
         *     (or `license_user`).
         */
        TrialKey: {
            id?: number;
            license?: string;
            license_key?: string;
            license_user?: string;
            initial_password?: string;
            license_user_id?: number;
            max_license_users?: number;
            license_type: string;
            /** @constant */
            is_trial: true;
            trial_days?: number;
            validity_period?: string | null;
            max_activations?: number;
            times_activated?: number;
            active?: boolean;
            enabled?: boolean;
            product_id?: number;
        };
        ProductVersion: {
            id?: number;
            version: string;
            release_date: string | null;
            full_link?: string | null;
            filename?: string | null;
            hash_md5?: string | null;
            environment: string | null;
            eula_link?: string | null;
            release_notes_link?: string | null;
            size?: string | null;
            requires_version?: string | null;
            channel: string | null;
            enabled: boolean;
            product_id?: number;
        };
        CustomField: {
            id?: number;
            name: string;
            value: string;
            default_value?: string;
        };
        ProductDetails: {
            product_id: number;
            product_name: string;
            short_code: string;
            /** @enum {string} */
            authorization_method: "license-key" | "user";
            allow_trial: boolean;
            trial_days: number;
            /** @description Minutes */
            floating_timeout: number;
            /** @description Hours */
            max_borrow_time?: number;
            allow_overages?: boolean;
            max_overages?: number;
            prevent_vm: boolean;
            metadata: {
                [key: string]: unknown;
            };
            company?: {
                id?: number;
            };
            latest_version?: components["schemas"]["ProductVersion"] | null;
            custom_fields?: components["schemas"]["CustomField"][];
        };
        TrackedVariable: {
            variable: string;
            value: string | number | boolean;
            device_id: number;
            /** @description Milliseconds since the epoch */
            created_at: number;
        };
        DeviceVariable: {
            id: number;
            variable: string;
            value: string | number | boolean;
            device_id: number;
            /** @description ISO 8601 instant with Z */
            created_at: string;
        };
        VersionEntry: {
            version: string;
            release_date: string | null;
        };
        InstallationFile: {
            id?: number;
            version: string;
            installation_file: string | null;
            release_date: string | null;
            hash_md5?: string | null;
            environment: string | null;
            eula_link?: string | null;
            release_notes_link?: string | null;
            size?: string | null;
            requires_version?: string | null;
            channel: string | null;
            company?: {
                id?: number;
            };
        };
        ChangePasswordRequest: {
            username: string;
            password: string;
            new_password: string;
        };
        UserLicense: {
            license: components["schemas"]["UserLicenseLicense"];
            user: components["schemas"]["LicenseUser"];
        };
        /** @description A license as user_licenses lists it, with no device and so no v1 signature. */
        UserLicenseLicense: components["schemas"]["LicenseFields"] & {
            /** @description Active on some device */
            license_active: boolean;
            license_enabled: boolean;
            is_expired: boolean;
        };
        CustomerLicenseUsers: {
            company: {
                id?: number;
            };
            customer: components["schemas"]["Customer"] & {
                customer_account?: Record<string, never> | null;
            };
            users: {
                email: string;
                is_active: boolean;
                first_name?: string;
                last_name?: string;
                phone_number?: string;
                is_initial_password?: boolean;
                initial_password?: string | null;
                max_activations?: number;
                total_activations?: number;
                allow_unlimited_activations?: boolean;
                license_id: number;
                order_store_id?: string | null;
                order_id?: number;
            }[];
        };
        SsoUrl: {
            url: string;
            openid_configuration: {
                issuer: string;
                authorization_endpoint: string;
                token_endpoint?: string;
            };
            alternate_urls: string[];
        };
        TokenRequest: {
            grant_type?: string;
            client_id?: string;
            client_secret?: string;
            scope?: string;
        };
        Token: {
            access_token: string;
            /** @description Seconds */
            expires_in: number;
            refresh_expires_in?: number;
            /** @constant */
            token_type: "Bearer";
            "not-before-policy"?: number;
            scope?: string;
        };
        /** @description Keycloak's error body (the token endpoint only). */
        OAuthError: {
            /** @enum {string} */
            error: "invalid_request" | "unsupported_grant_type" | "invalid_client" | "unauthorized_client";
            error_description: string;
        };
        OfflineActivation: components["schemas"]["ActivateLicenseResponse"] & {
            /** @description RFC 7231 date the offline_signature covers */
            date: string;
            /** @description The request's own */
            request_id?: string;
            /** @description User-based licenses (the Node SDK reads it for v1) */
            username?: string;
            offline_signature: string;
            license_signature_v2: string;
        };
        Customer: {
            id?: number;
            email: string;
            first_name?: string;
            last_name?: string;
            company_name?: string;
            phone?: string;
            reference?: string;
            address?: string;
            postcode?: string;
            city?: string;
            state?: string;
            country?: string;
            metadata?: {
                [key: string]: unknown;
            };
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
            installation_file?: string | Record<string, never> | null;
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
        ErrorCode: "not_found" | "method_not_allowed" | "missing_headers" | "authorization_invalid_headers" | "authorization_missing_params" | "hmac_required" | "invalid_api_key" | "revoked_api_key" | "date_header_diff" | "signature_mismatch" | "read_only_api_key" | "invalid_json" | "missing_parameters" | "validation_error" | "unknown_product" | "api_key_product_not_allowed" | "license_not_found" | "license_not_enabled" | "blacklisted" | "vm_not_allowed" | "license_start_date_error" | "license_expired" | "license_not_active" | "device_not_found" | "license_transferred_max_times" | "license_not_consumption" | "license_not_enough_consumptions" | "disabled_product" | "archived_product" | "unsupported_product_feature" | "invalid_license_feature_code" | "feature_not_consumption" | "feature_not_floating" | "floating_feature_device_not_in_use" | "floating_not_available" | "license_not_floating" | "borrow_until_not_valid" | "missing_hardware_id" | "trial_not_allowed" | "email_missing" | "trial_expired" | "active_license_required" | "version_not_found" | "change_password_not_allowed" | "customer_does_not_exist" | "customer_not_found" | "customer_account_not_found" | "missing_content" | "oauth_token_expired" | "oauth_token_malformed" | "license_activated_max_times" | "license_user_activated_max_times" | "license_device_exists" | "offline_floating_cloud_not_supported" | "internal_error" | "payload_too_large" | "headers_too_large" | "invalid_prefer_header" | "host_not_allowed" | "state_not_saved";
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
        /** @description Keycloak's error body. */
        OAuthBadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["OAuthError"];
            };
        };
        /** @description Keycloak's error body. */
        OAuthUnauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["OAuthError"];
            };
        };
        /** @description The credentials are not (or no longer) valid. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Mock only. The `Host` header names neither a loopback host nor one allowed with `--allow-host` (DNS rebinding protection). */
        HostNotAllowed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Mock only, with `--state-file`. The change was applied in memory but could not be written to the state file; the mock keeps retrying the save. */
        StateNotSaved: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Mock only. The request line and headers are larger than Node's HTTP parser takes (16 KiB by default); the connection is closed after the answer. */
        HeadersTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        QueryHardwareId: string;
        /** @description Product short code (case-sensitive) */
        QueryProduct: string;
        /** @description Required if the product is key-based */
        QueryLicenseKey: string;
        /** @description Required if the product is user-based */
        QueryUsername: string;
        QueryLicenseId: number;
        /** @description Accepted and ignored */
        QueryBundleCode: string;
        QuerySdkVer: string;
        /** @description The version's environment */
        QueryEnv: string;
        /** @description The version's channel */
        QueryChannel: string;
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
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            421: components["responses"]["HostNotAllowed"];
            422: components["responses"]["PreferNotHonoured"];
            431: components["responses"]["HeadersTooLarge"];
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
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            421: components["responses"]["HostNotAllowed"];
            422: components["responses"]["PreferNotHonoured"];
            431: components["responses"]["HeadersTooLarge"];
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
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            421: components["responses"]["HostNotAllowed"];
            422: components["responses"]["PreferNotHonoured"];
            431: components["responses"]["HeadersTooLarge"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["StateNotSaved"];
        };
    };
    addConsumption: {
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
                "application/json": components["schemas"]["AddConsumptionRequest"];
            };
        };
        responses: {
            /** @description The license's consumption counters after the change, signed. */
            200: {
                headers: {
                    LicenseSignature: components["headers"]["LicenseSignature"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LicenseConsumption"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            421: components["responses"]["HostNotAllowed"];
            422: components["responses"]["PreferNotHonoured"];
            431: components["responses"]["HeadersTooLarge"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["StateNotSaved"];
        };
    };
    addFeatureConsumption: {
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
                "application/json": components["schemas"]["AddFeatureConsumptionRequest"];
            };
        };
        responses: {
            /** @description The feature's consumption counters after the change, signed. */
            200: {
                headers: {
                    LicenseSignature: components["headers"]["LicenseSignature"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeatureConsumption"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            421: components["responses"]["HostNotAllowed"];
            422: components["responses"]["PreferNotHonoured"];
            431: components["responses"]["HeadersTooLarge"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["StateNotSaved"];
        };
    };
    checkLicenseFeature: {
        parameters: {
            query: {
                hardware_id: components["parameters"]["QueryHardwareId"];
                /** @description Product short code (case-sensitive) */
                product: components["parameters"]["QueryProduct"];
                /** @description Required if the product is key-based */
                license_key?: components["parameters"]["QueryLicenseKey"];
                /** @description Required if the product is user-based */
                username?: components["parameters"]["QueryUsername"];
                license_id?: components["parameters"]["QueryLicenseId"];
                /** @description Accepted and ignored */
                bundle_code?: components["parameters"]["QueryBundleCode"];
                sdk_ver?: components["parameters"]["QuerySdkVer"];
                /** @description The feature code */
                feature: string;
                /** @description Adds `metadata_string` (the metadata as JSON text) */
                include_metadata_string?: boolean;
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
            /** @description The license feature, signed. */
            200: {
                headers: {
                    LicenseSignature: components["headers"]["LicenseSignature"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LicenseFeature"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            421: components["responses"]["HostNotAllowed"];
            422: components["responses"]["PreferNotHonoured"];
            431: components["responses"]["HeadersTooLarge"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["StateNotSaved"];
        };
    };
    floatingRelease: {
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
                "application/json": components["schemas"]["LicenseDeviceRequest"];
            };
        };
        responses: {
            /** @description Released. The body is empty. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            421: components["responses"]["HostNotAllowed"];
            422: components["responses"]["PreferNotHonoured"];
            431: components["responses"]["HeadersTooLarge"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["StateNotSaved"];
        };
    };
    floatingBorrow: {
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
                "application/json": components["schemas"]["FloatingBorrowRequest"];
            };
        };
        responses: {
            /** @description Borrowed, signed. */
            200: {
                headers: {
                    LicenseSignature: components["headers"]["LicenseSignature"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FloatingBorrow"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            421: components["responses"]["HostNotAllowed"];
            422: components["responses"]["PreferNotHonoured"];
            431: components["responses"]["HeadersTooLarge"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["StateNotSaved"];
        };
    };
    floatingFeatureBorrow: {
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
                "application/json": components["schemas"]["FloatingFeatureBorrowRequest"];
            };
        };
        responses: {
            /** @description Borrowed, signed. */
            200: {
                headers: {
                    LicenseSignature: components["headers"]["LicenseSignature"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FloatingBorrow"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            421: components["responses"]["HostNotAllowed"];
            422: components["responses"]["PreferNotHonoured"];
            431: components["responses"]["HeadersTooLarge"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["StateNotSaved"];
        };
    };
    floatingFeatureRelease: {
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
                "application/json": components["schemas"]["FeatureDeviceRequest"];
            };
        };
        responses: {
            /** @description Released. The body is empty. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            421: components["responses"]["HostNotAllowed"];
            422: components["responses"]["PreferNotHonoured"];
            431: components["responses"]["HeadersTooLarge"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["StateNotSaved"];
        };
    };
    trialKey: {
        parameters: {
            query: {
                /** @description Product short code (case-sensitive) */
                product: components["parameters"]["QueryProduct"];
                /** @description Required; missing answers `missing_hardware_id` */
                hardware_id?: string;
                /** @description Required for user-based products */
                email?: string;
                license_policy?: string;
                first_name?: string;
                last_name?: string;
                phone?: string;
                address?: string;
                postcode?: string;
                state?: string;
                country?: string;
                city?: string;
                reference?: string;
                company_name?: string;
                sdk_ver?: components["parameters"]["QuerySdkVer"];
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
            /** @description The trial (new, or this machine's existing one), signed. */
            200: {
                headers: {
                    LicenseSignature: components["headers"]["LicenseSignature"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrialKey"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            421: components["responses"]["HostNotAllowed"];
            422: components["responses"]["PreferNotHonoured"];
            431: components["responses"]["HeadersTooLarge"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["StateNotSaved"];
        };
    };
    productDetails: {
        parameters: {
            query: {
                /** @description Product short code (case-sensitive) */
                product: components["parameters"]["QueryProduct"];
                include_latest_version?: boolean;
                include_custom_fields?: boolean;
                /** @description Sent by the Node SDK; accepted and ignored */
                include_expired_features?: boolean;
                env?: string;
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
            /** @description The product details, signed. */
            200: {
                headers: {
                    LicenseSignature: components["headers"]["LicenseSignature"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDetails"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            421: components["responses"]["HostNotAllowed"];
            422: components["responses"]["PreferNotHonoured"];
            431: components["responses"]["HeadersTooLarge"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["StateNotSaved"];
        };
    };
    trackDeviceVariables: {
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
                "application/json": components["schemas"]["TrackDeviceVariablesRequest"];
            };
        };
        responses: {
            /** @description The variables tracked in this call, signed. */
            200: {
                headers: {
                    LicenseSignature: components["headers"]["LicenseSignature"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrackedVariable"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            421: components["responses"]["HostNotAllowed"];
            422: components["responses"]["PreferNotHonoured"];
            431: components["responses"]["HeadersTooLarge"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["StateNotSaved"];
        };
    };
    getDeviceVariables: {
        parameters: {
            query: {
                hardware_id: components["parameters"]["QueryHardwareId"];
                /** @description Product short code (case-sensitive) */
                product: components["parameters"]["QueryProduct"];
                /** @description Required if the product is key-based */
                license_key?: components["parameters"]["QueryLicenseKey"];
                /** @description Required if the product is user-based */
                username?: components["parameters"]["QueryUsername"];
                license_id?: components["parameters"]["QueryLicenseId"];
                /** @description Accepted and ignored */
                bundle_code?: components["parameters"]["QueryBundleCode"];
                sdk_ver?: components["parameters"]["QuerySdkVer"];
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
            /** @description The device variables, signed. */
            200: {
                headers: {
                    LicenseSignature: components["headers"]["LicenseSignature"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceVariable"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            421: components["responses"]["HostNotAllowed"];
            422: components["responses"]["PreferNotHonoured"];
            431: components["responses"]["HeadersTooLarge"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["StateNotSaved"];
        };
    };
    versions: {
        parameters: {
            query: {
                hardware_id: components["parameters"]["QueryHardwareId"];
                /** @description Product short code (case-sensitive) */
                product: components["parameters"]["QueryProduct"];
                /** @description Required if the product is key-based */
                license_key?: components["parameters"]["QueryLicenseKey"];
                /** @description Required if the product is user-based */
                username?: components["parameters"]["QueryUsername"];
                license_id?: components["parameters"]["QueryLicenseId"];
                /** @description Accepted and ignored */
                bundle_code?: components["parameters"]["QueryBundleCode"];
                sdk_ver?: components["parameters"]["QuerySdkVer"];
                /** @description The version's environment */
                env?: components["parameters"]["QueryEnv"];
                /** @description The version's channel */
                channel?: components["parameters"]["QueryChannel"];
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
            /** @description The versions, signed. */
            200: {
                headers: {
                    LicenseSignature: components["headers"]["LicenseSignature"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionEntry"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            421: components["responses"]["HostNotAllowed"];
            422: components["responses"]["PreferNotHonoured"];
            431: components["responses"]["HeadersTooLarge"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["StateNotSaved"];
        };
    };
    installationFile: {
        parameters: {
            query: {
                hardware_id: components["parameters"]["QueryHardwareId"];
                /** @description Product short code (case-sensitive) */
                product: components["parameters"]["QueryProduct"];
                /** @description Required if the product is key-based */
                license_key?: components["parameters"]["QueryLicenseKey"];
                /** @description Required if the product is user-based */
                username?: components["parameters"]["QueryUsername"];
                license_id?: components["parameters"]["QueryLicenseId"];
                /** @description Accepted and ignored */
                bundle_code?: components["parameters"]["QueryBundleCode"];
                sdk_ver?: components["parameters"]["QuerySdkVer"];
                /** @description The version's environment */
                env?: components["parameters"]["QueryEnv"];
                /** @description The version's channel */
                channel?: components["parameters"]["QueryChannel"];
                version?: string;
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
            /** @description The installation file, signed. */
            200: {
                headers: {
                    LicenseSignature: components["headers"]["LicenseSignature"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstallationFile"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            421: components["responses"]["HostNotAllowed"];
            422: components["responses"]["PreferNotHonoured"];
            431: components["responses"]["HeadersTooLarge"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["StateNotSaved"];
        };
    };
    activateBundle: {
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
            /** @description Every license of the bundle, activated, signed. */
            200: {
                headers: {
                    LicenseSignature: components["headers"]["LicenseSignature"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivateLicenseResponse"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            421: components["responses"]["HostNotAllowed"];
            422: components["responses"]["PreferNotHonoured"];
            431: components["responses"]["HeadersTooLarge"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["StateNotSaved"];
        };
    };
    checkBundle: {
        parameters: {
            query: {
                hardware_id: components["parameters"]["QueryHardwareId"];
                /** @description Product short code (case-sensitive) */
                product: components["parameters"]["QueryProduct"];
                /** @description Required if the product is key-based */
                license_key?: components["parameters"]["QueryLicenseKey"];
                /** @description Required if the product is user-based */
                username?: components["parameters"]["QueryUsername"];
                license_id?: components["parameters"]["QueryLicenseId"];
                sdk_ver?: components["parameters"]["QuerySdkVer"];
                /** @description Accepted and ignored */
                include_expired_features?: boolean;
                env?: string;
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
            /** @description Every license of the bundle, signed. */
            200: {
                headers: {
                    LicenseSignature: components["headers"]["LicenseSignature"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckLicenseResponse"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            421: components["responses"]["HostNotAllowed"];
            422: components["responses"]["PreferNotHonoured"];
            431: components["responses"]["HeadersTooLarge"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["StateNotSaved"];
        };
    };
    deactivateBundle: {
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
            /** @description Deactivated. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeactivateLicenseResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            421: components["responses"]["HostNotAllowed"];
            422: components["responses"]["PreferNotHonoured"];
            431: components["responses"]["HeadersTooLarge"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["StateNotSaved"];
        };
    };
    userLicenses: {
        parameters: {
            query: {
                /** @description Product short code (case-sensitive) */
                product: components["parameters"]["QueryProduct"];
                /** @description The license user's e-mail (or an SSO identity) */
                username?: string;
                password?: string;
                id_token?: string;
                code?: string;
                customer_account_code?: string;
                /** @description Accepted and ignored */
                redirect_uri?: string;
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
            /** @description The user's licenses, signed. */
            200: {
                headers: {
                    LicenseSignature: components["headers"]["LicenseSignature"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserLicense"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            421: components["responses"]["HostNotAllowed"];
            422: components["responses"]["PreferNotHonoured"];
            431: components["responses"]["HeadersTooLarge"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["StateNotSaved"];
        };
    };
    customerLicenseUsers: {
        parameters: {
            query: {
                /** @description Product short code (case-sensitive) */
                product: components["parameters"]["QueryProduct"];
                /** @description The customer's e-mail */
                customer: string;
                /** @description Accepted and ignored */
                bundle_code?: components["parameters"]["QueryBundleCode"];
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
            /** @description The customer and the users, signed. */
            200: {
                headers: {
                    LicenseSignature: components["headers"]["LicenseSignature"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerLicenseUsers"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            421: components["responses"]["HostNotAllowed"];
            422: components["responses"]["PreferNotHonoured"];
            431: components["responses"]["HeadersTooLarge"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["StateNotSaved"];
        };
    };
    ssoUrl: {
        parameters: {
            query: {
                /** @description Product short code (case-sensitive) */
                product: components["parameters"]["QueryProduct"];
                customer_account_code: string;
                response_type?: "code" | "token";
                redirect_uri?: string;
                /** @description Accepted and ignored */
                bundle_code?: components["parameters"]["QueryBundleCode"];
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
            /** @description The login URL, signed. */
            200: {
                headers: {
                    LicenseSignature: components["headers"]["LicenseSignature"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SsoUrl"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            421: components["responses"]["HostNotAllowed"];
            422: components["responses"]["PreferNotHonoured"];
            431: components["responses"]["HeadersTooLarge"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["StateNotSaved"];
        };
    };
    changePassword: {
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
                "application/json": components["schemas"]["ChangePasswordRequest"];
            };
        };
        responses: {
            /** @description Changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": "password_changed";
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            421: components["responses"]["HostNotAllowed"];
            422: components["responses"]["PreferNotHonoured"];
            431: components["responses"]["HeadersTooLarge"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["StateNotSaved"];
        };
    };
    oauthUrl: {
        parameters: {
            query: {
                login_type: "client_credentials";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The token URL. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        url: string;
                        login_type: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            421: components["responses"]["HostNotAllowed"];
            422: components["responses"]["PreferNotHonoured"];
            431: components["responses"]["HeadersTooLarge"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["StateNotSaved"];
        };
    };
    oauthToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description The token. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Token"];
                };
            };
            400: components["responses"]["OAuthBadRequest"];
            401: components["responses"]["OAuthUnauthorized"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["PreferNotHonoured"];
            431: components["responses"]["HeadersTooLarge"];
            500: components["responses"]["ServerError"];
        };
    };
    activateOffline: {
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
                "text/plain": string;
            };
        };
        responses: {
            /** @description Activated, signed in the body. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfflineActivation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            421: components["responses"]["HostNotAllowed"];
            422: components["responses"]["PreferNotHonoured"];
            431: components["responses"]["HeadersTooLarge"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["StateNotSaved"];
        };
    };
    deactivateOffline: {
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
                "text/plain": string;
            };
        };
        responses: {
            /** @description Deactivated. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeactivateLicenseResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            421: components["responses"]["HostNotAllowed"];
            422: components["responses"]["PreferNotHonoured"];
            431: components["responses"]["HeadersTooLarge"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["StateNotSaved"];
        };
    };
    root: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The mock is up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "ok";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            421: components["responses"]["HostNotAllowed"];
            422: components["responses"]["PreferNotHonoured"];
            431: components["responses"]["HeadersTooLarge"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["StateNotSaved"];
        };
    };
}
