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
      "ActivateLicenseRequest": {
        "type": "object",
        "description": "As for deactivation, without `consumptions`, with `redirect_uri` (SSO code grant). With\n`username`, `password` is required (as the SDKs send it) and must match when the license\nuser has one. Unknown fields are rejected with `validation_error` (x-inferred).\n",
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
            "description": "The license user's password"
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
          "redirect_uri": {
            "type": "string",
            "maxLength": 2048,
            "description": "SSO authorization-code grant redirect URI; accepted and ignored"
          },
          "license_id": {
            "type": "integer",
            "description": "Act only on the license with this ID"
          },
          "bundle_code": {
            "type": "string",
            "maxLength": 256,
            "description": "Accepted and ignored"
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
            "maxLength": 256
          },
          "is_vm": {
            "type": "boolean",
            "description": "The device is a virtual machine (refused when the license has prevent_vm)"
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
      "License": {
        "type": "object",
        "x-inferred": true,
        "description": "The License object of activation and check responses. The mock fills what its seed models;\nfields it does not model carry the defaults of a plain license (x-inferred). Other fields\nthe real API adds are allowed.\n",
        "required": [
          "id",
          "license_type",
          "is_trial",
          "max_activations",
          "times_activated",
          "allow_unlimited_activations",
          "transfer_count",
          "max_transfers",
          "prevent_vm",
          "start_date",
          "validity_period",
          "is_floating",
          "is_floating_cloud",
          "product_details",
          "license_signature"
        ],
        "properties": {
          "id": {
            "type": "integer"
          },
          "license_key": {
            "type": "string",
            "description": "Key-based licenses only"
          },
          "license_type": {
            "type": "string",
            "enum": [
              "perpetual",
              "time-limited",
              "subscription",
              "consumption"
            ]
          },
          "is_trial": {
            "type": "boolean"
          },
          "max_activations": {
            "type": "integer"
          },
          "times_activated": {
            "type": "integer"
          },
          "allow_unlimited_activations": {
            "type": "boolean"
          },
          "transfer_count": {
            "type": "integer"
          },
          "max_transfers": {
            "type": "integer",
            "x-inferred": true,
            "description": "0 means no limit"
          },
          "prevent_vm": {
            "type": "boolean"
          },
          "start_date": {
            "type": [
              "string",
              "null"
            ],
            "format": "date"
          },
          "validity_period": {
            "type": [
              "string",
              "null"
            ],
            "x-inferred": true,
            "description": "ISO 8601 instant with `Z` (so the v1 signature does not depend on the client's time zone); a date-only seed value is sent as its midnight UTC (x-inferred)."
          },
          "allow_offline_activation": {
            "type": "boolean"
          },
          "is_floating": {
            "type": "boolean"
          },
          "is_floating_cloud": {
            "type": "boolean"
          },
          "floating_users": {
            "type": "integer"
          },
          "floating_timeout": {
            "type": "integer"
          },
          "floating_in_use_devices": {
            "type": "integer"
          },
          "can_borrow": {
            "type": "boolean"
          },
          "max_borrow_time": {
            "type": "integer"
          },
          "enable_maintenance_period": {
            "type": "boolean"
          },
          "maintenance_period": {
            "type": [
              "string",
              "null"
            ]
          },
          "grace_period": {
            "type": "integer"
          },
          "allow_grace_period": {
            "type": "boolean"
          },
          "is_air_gapped": {
            "type": "boolean"
          },
          "is_hardware_key_auth": {
            "type": "boolean"
          },
          "max_consumptions": {
            "type": "integer"
          },
          "total_consumptions": {
            "type": "integer"
          },
          "allow_unlimited_consumptions": {
            "type": "boolean"
          },
          "allow_negative_consumptions": {
            "type": "boolean"
          },
          "allow_overages": {
            "type": "boolean"
          },
          "max_overages": {
            "type": "integer"
          },
          "reset_consumption": {
            "type": "boolean"
          },
          "consumption_period": {
            "type": [
              "string",
              "null"
            ]
          },
          "product_details": {
            "type": "object",
            "required": [
              "product_id",
              "product_name",
              "short_code",
              "authorization_method"
            ],
            "properties": {
              "product_id": {
                "type": "integer"
              },
              "product_name": {
                "type": "string"
              },
              "short_code": {
                "type": "string"
              },
              "authorization_method": {
                "type": "string",
                "enum": [
                  "license-key",
                  "user"
                ]
              },
              "metadata": {
                "type": "object"
              }
            }
          },
          "product_features": {
            "type": "array",
            "items": {
              "type": "object"
            }
          },
          "custom_fields": {
            "type": "array",
            "items": {
              "type": "object"
            }
          },
          "customer": {
            "type": [
              "object",
              "null"
            ]
          },
          "company": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              }
            }
          },
          "metadata": {
            "type": "object"
          },
          "license_template_id": {
            "type": [
              "integer",
              "null"
            ]
          },
          "max_license_users": {
            "type": "integer",
            "description": "User-based licenses"
          },
          "user": {
            "$ref": "#/components/schemas/LicenseUser"
          },
          "license_signature": {
            "type": "string",
            "minLength": 1,
            "description": "v1 signature (see the operation)"
          }
        }
      },
      "LicenseUser": {
        "type": "object",
        "description": "The license user acting (user-based licenses and SSO).",
        "required": [
          "id",
          "email",
          "max_activations",
          "total_activations",
          "allow_unlimited_activations"
        ],
        "properties": {
          "id": {
            "type": "integer"
          },
          "email": {
            "type": "string"
          },
          "first_name": {
            "type": "string"
          },
          "last_name": {
            "type": "string"
          },
          "phone_number": {
            "type": "string"
          },
          "is_initial_password": {
            "type": "boolean"
          },
          "max_activations": {
            "type": "integer"
          },
          "total_activations": {
            "type": "integer"
          },
          "allow_unlimited_activations": {
            "type": "boolean"
          }
        }
      },
      "ActivateLicenseResponse": {
        "allOf": [
          {
            "$ref": "#/components/schemas/License"
          },
          {
            "type": "object",
            "required": [
              "active",
              "license_enabled",
              "is_expired",
              "request",
              "hardware_id",
              "device_id"
            ],
            "properties": {
              "active": {
                "type": "boolean",
                "const": true
              },
              "license_enabled": {
                "type": "boolean"
              },
              "is_expired": {
                "type": "boolean"
              },
              "request": {
                "type": "string",
                "const": "activation"
              },
              "hardware_id": {
                "type": "string"
              },
              "device_id": {
                "type": "integer"
              },
              "installation_file": {
                "type": [
                  "object",
                  "null"
                ]
              }
            }
          }
        ]
      },
      "CheckLicenseResponse": {
        "allOf": [
          {
            "$ref": "#/components/schemas/License"
          },
          {
            "type": "object",
            "required": [
              "license_active",
              "license_enabled",
              "is_expired",
              "device_id",
              "is_borrowed",
              "borrowed_until"
            ],
            "properties": {
              "license_active": {
                "type": "boolean"
              },
              "license_enabled": {
                "type": "boolean"
              },
              "is_expired": {
                "type": "boolean"
              },
              "device_id": {
                "type": "integer"
              },
              "is_borrowed": {
                "type": "boolean"
              },
              "borrowed_until": {
                "type": [
                  "string",
                  "null"
                ]
              }
            }
          }
        ]
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
          "host_not_allowed",
          "state_not_saved",
          "invalid_prefer_header"
        ]
      }
    }
  }
} as const

/** The query parameters of each operation that has some, as one object schema per operationId. */
export const querySchemas = {
  "checkLicense": {
    "type": "object",
    "properties": {
      "hardware_id": {
        "type": "string",
        "minLength": 1,
        "maxLength": 1024
      },
      "product": {
        "type": "string",
        "minLength": 1,
        "maxLength": 256
      },
      "license_key": {
        "type": "string",
        "maxLength": 1024
      },
      "username": {
        "type": "string",
        "maxLength": 1024
      },
      "license_id": {
        "type": "integer"
      },
      "include_expired_features": {
        "type": "boolean"
      },
      "bundle_code": {
        "type": "string",
        "maxLength": 256
      },
      "env": {
        "type": "string",
        "maxLength": 256
      },
      "channel": {
        "type": "string",
        "maxLength": 256
      },
      "sdk_ver": {
        "type": "string",
        "maxLength": 256
      },
      "app_ver": {
        "type": "string",
        "maxLength": 256
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
      "mac_address": {
        "type": "string",
        "maxLength": 256
      }
    },
    "required": [
      "hardware_id",
      "product"
    ]
  }
} as const
