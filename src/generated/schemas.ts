// Generated from openapi/license-api.yaml by `npm run generate`. Do not edit.
/** components.schemas of the spec, for ajv (refs stay `#/components/schemas/...`). */
export const specDocument = {
  "components": {
    "schemas": {
      "DeactivateLicenseRequest": {
        "type": "object",
        "description": "`hardware_id` and `product` are always required. Key-based products need `license_key`;\nuser-based products need `username`, or `id_token` or `code` together with\n`customer_account_code`. Unknown fields are rejected with `validation_error` (x-inferred).\n",
        "required": [
          "hardware_id",
          "product"
        ],
        "additionalProperties": false,
        "x-inferred": true,
        "properties": {
          "hardware_id": {
            "type": "string",
            "minLength": 1,
            "maxLength": 1024,
            "description": "Unique hardware ID generated for the client device"
          },
          "product": {
            "type": "string",
            "minLength": 1,
            "maxLength": 256,
            "description": "Product short code (case-sensitive)"
          },
          "license_key": {
            "type": "string",
            "maxLength": 1024,
            "description": "Required if the product is key-based"
          },
          "username": {
            "type": "string",
            "maxLength": 1024,
            "description": "Required if the product is user-based (the license user's e-mail)"
          },
          "password": {
            "type": "string",
            "maxLength": 1024,
            "description": "The license user's password; checked when given (current SDKs do not send it)"
          },
          "id_token": {
            "type": "string",
            "maxLength": 8192,
            "description": "SSO implicit grant id_token (with customer_account_code)"
          },
          "code": {
            "type": "string",
            "maxLength": 8192,
            "description": "SSO authorization-code grant code (with customer_account_code)"
          },
          "customer_account_code": {
            "type": "string",
            "maxLength": 1024,
            "description": "Customer account the SSO provider is configured for"
          },
          "license_id": {
            "type": "integer",
            "description": "Act only on the license with this ID"
          },
          "consumptions": {
            "type": "integer",
            "x-inferred": true,
            "description": "Increases (or, when negative, decreases) total_consumptions of a consumption license. The docs say \"number\"; the mock accepts integers."
          },
          "bundle_code": {
            "type": "string",
            "maxLength": 256,
            "description": "Sent by the Node and Python SDKs for licenses activated through a bundle; accepted and ignored"
          },
          "variables": {
            "type": "object",
            "description": "Device variables (Node SDK); accepted and ignored.",
            "additionalProperties": {
              "type": [
                "string",
                "number",
                "boolean"
              ]
            }
          },
          "sdk_ver": {
            "type": "string",
            "maxLength": 256,
            "description": "Version of the SDK used"
          },
          "is_vm": {
            "type": "boolean",
            "description": "The device is a virtual machine"
          },
          "vm_info": {
            "type": "string",
            "maxLength": 1024
          },
          "os_ver": {
            "type": "string",
            "maxLength": 1024
          },
          "hostname": {
            "type": "string",
            "maxLength": 1024
          },
          "os_hostname": {
            "type": "string",
            "maxLength": 1024
          },
          "ip": {
            "type": "string",
            "maxLength": 256
          },
          "ip_local": {
            "type": "string",
            "maxLength": 256
          },
          "app_ver": {
            "type": "string",
            "maxLength": 256
          },
          "mac_address": {
            "type": "string",
            "maxLength": 256
          }
        }
      },
      "DeactivateLicenseResponse": {
        "type": "string",
        "const": "license_deactivated"
      },
      "Error": {
        "type": "object",
        "description": "The error envelope of the License API. No other keys.",
        "required": [
          "status",
          "code",
          "message"
        ],
        "additionalProperties": false,
        "properties": {
          "status": {
            "type": "integer",
            "description": "The HTTP status",
            "repeated": null
          },
          "code": {
            "$ref": "#/components/schemas/ErrorCode"
          },
          "message": {
            "type": "string"
          }
        }
      },
      "ErrorCode": {
        "type": "string",
        "description": "Every code licensespring-mock can answer (the errors table in src/core/errors.ts).",
        "enum": [
          "not_found",
          "method_not_allowed",
          "missing_headers",
          "authorization_invalid_headers",
          "authorization_missing_params",
          "hmac_required",
          "invalid_api_key",
          "revoked_api_key",
          "date_header_diff",
          "signature_mismatch",
          "read_only_api_key",
          "invalid_json",
          "missing_parameters",
          "validation_error",
          "unknown_product",
          "api_key_product_not_allowed",
          "license_not_found",
          "license_not_enabled",
          "blacklisted",
          "vm_not_allowed",
          "license_start_date_error",
          "license_expired",
          "license_not_active",
          "device_not_found",
          "license_transferred_max_times",
          "license_not_consumption",
          "license_not_enough_consumptions",
          "license_activated_max_times",
          "license_user_activated_max_times",
          "license_device_exists",
          "offline_floating_cloud_not_supported",
          "internal_error",
          "payload_too_large",
          "invalid_prefer_header"
        ]
      }
    }
  }
} as const
