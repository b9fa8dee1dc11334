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
        "not": {
          "required": [
            "id_token",
            "code"
          ],
          "description": "id_token and code exclude each other: validation_error \"send either id_token or code, not both\" (x-inferred)"
        },
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
            "type": [
              "string",
              "null"
            ],
            "maxLength": 256,
            "description": "Version of the SDK used"
          },
          "is_vm": {
            "type": "boolean",
            "description": "The device is a virtual machine"
          },
          "vm_info": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 1024,
            "description": "Device metadata; accepted and ignored (null too",
            "as the Python SDK sends it)": null
          },
          "os_ver": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 1024,
            "description": "Device metadata; accepted and ignored (null too",
            "as the Python SDK sends it)": null
          },
          "hostname": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 1024,
            "description": "Device metadata; accepted and ignored (null too",
            "as the Python SDK sends it)": null
          },
          "os_hostname": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 1024,
            "description": "Device metadata; accepted and ignored (null too",
            "as the Python SDK sends it)": null
          },
          "ip": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 256,
            "description": "Device metadata; accepted and ignored (null too",
            "as the Python SDK sends it)": null
          },
          "ip_local": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 256,
            "description": "Device metadata; accepted and ignored (null too",
            "as the Python SDK sends it)": null
          },
          "app_ver": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 256,
            "description": "Device metadata; accepted and ignored (null too",
            "as the Python SDK sends it)": null
          },
          "mac_address": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 256,
            "description": "Device metadata; accepted and ignored (null too",
            "as the Python SDK sends it)": null
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
        "not": {
          "required": [
            "id_token",
            "code"
          ],
          "description": "id_token and code exclude each other: validation_error \"send either id_token or code, not both\" (x-inferred)"
        },
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
            "type": [
              "string",
              "null"
            ],
            "maxLength": 256
          },
          "is_vm": {
            "type": "boolean",
            "description": "The device is a virtual machine (refused when the license has prevent_vm)"
          },
          "vm_info": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 1024,
            "description": "Device metadata; accepted and ignored (null too",
            "as the Python SDK sends it)": null
          },
          "os_ver": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 1024,
            "description": "Device metadata; accepted and ignored (null too",
            "as the Python SDK sends it)": null
          },
          "hostname": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 1024,
            "description": "Device metadata; accepted and ignored (null too",
            "as the Python SDK sends it)": null
          },
          "os_hostname": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 1024,
            "description": "Device metadata; accepted and ignored (null too",
            "as the Python SDK sends it)": null
          },
          "ip": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 256,
            "description": "Device metadata; accepted and ignored (null too",
            "as the Python SDK sends it)": null
          },
          "ip_local": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 256,
            "description": "Device metadata; accepted and ignored (null too",
            "as the Python SDK sends it)": null
          },
          "app_ver": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 256,
            "description": "Device metadata; accepted and ignored (null too",
            "as the Python SDK sends it)": null
          },
          "mac_address": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 256,
            "description": "Device metadata; accepted and ignored (null too",
            "as the Python SDK sends it)": null
          }
        }
      },
      "License": {
        "description": "The License object with its v1 `license_signature` (activation, check, bundles, offline).",
        "allOf": [
          {
            "$ref": "#/components/schemas/LicenseFields"
          },
          {
            "type": "object",
            "required": [
              "license_signature"
            ],
            "properties": {
              "license_signature": {
                "type": "string",
                "description": "v1: RSA-SHA256 over lowercase(hardware_id#license_key|username#validity_period)"
              }
            }
          }
        ]
      },
      "LicenseFields": {
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
          "product_details"
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
              "authorization_method",
              "prevent_vm"
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
              "allow_trial": {
                "type": "boolean"
              },
              "trial_days": {
                "type": "integer"
              },
              "floating_timeout": {
                "type": "integer",
                "description": "Minutes"
              },
              "max_borrow_time": {
                "type": "integer",
                "description": "Hours"
              },
              "prevent_vm": {
                "type": "boolean",
                "description": "The product's (the Python SDK reads it on offline activation)"
              },
              "metadata": {
                "type": "object",
                "additionalProperties": true
              }
            }
          },
          "product_features": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/LicenseFeature"
            }
          },
          "custom_fields": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/CustomField"
            }
          },
          "customer": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Customer"
              },
              {
                "type": "null"
              }
            ]
          },
          "installation_file": {
            "type": [
              "string",
              "object",
              "null"
            ],
            "description": "Check: the latest installation file's link (or null); activation: null"
          },
          "version": {
            "type": [
              "string",
              "null"
            ],
            "description": "Check only, when the product has versions: its latest installation file, as installation_file answers it"
          },
          "release_date": {
            "type": [
              "string",
              "null"
            ]
          },
          "hash_md5": {
            "type": [
              "string",
              "null"
            ]
          },
          "environment": {
            "type": [
              "string",
              "null"
            ]
          },
          "eula_link": {
            "type": [
              "string",
              "null"
            ]
          },
          "release_notes_link": {
            "type": [
              "string",
              "null"
            ]
          },
          "size": {
            "type": [
              "string",
              "null"
            ]
          },
          "channel": {
            "type": [
              "string",
              "null"
            ]
          },
          "requires_version": {
            "type": [
              "string",
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
            "type": "object",
            "additionalProperties": true
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
      "LicenseDeviceRequest": {
        "type": "object",
        "description": "A license and a device: `hardware_id`, `product` and the license identity (`license_key`,\n`username`, or `id_token`/`code` with `customer_account_code`). Unknown fields are rejected\nwith `validation_error` (x-inferred).\n",
        "required": [
          "hardware_id",
          "product"
        ],
        "not": {
          "required": [
            "id_token",
            "code"
          ],
          "description": "id_token and code exclude each other: validation_error \"send either id_token or code, not both\" (x-inferred)"
        },
        "additionalProperties": false,
        "x-inferred": true,
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
          "password": {
            "type": "string",
            "maxLength": 1024,
            "description": "Checked when the license user has one"
          },
          "id_token": {
            "type": "string",
            "maxLength": 8192
          },
          "code": {
            "type": "string",
            "maxLength": 8192
          },
          "customer_account_code": {
            "type": "string",
            "maxLength": 1024
          },
          "redirect_uri": {
            "type": "string",
            "maxLength": 2048,
            "description": "Accepted and ignored"
          },
          "license_id": {
            "type": "integer"
          },
          "bundle_code": {
            "type": "string",
            "maxLength": 256,
            "description": "Accepted and ignored"
          },
          "sdk_ver": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 256
          }
        }
      },
      "AddConsumptionRequest": {
        "type": "object",
        "required": [
          "hardware_id",
          "product"
        ],
        "not": {
          "required": [
            "id_token",
            "code"
          ],
          "description": "id_token and code exclude each other: validation_error \"send either id_token or code, not both\" (x-inferred)"
        },
        "additionalProperties": false,
        "x-inferred": true,
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
          "password": {
            "type": "string",
            "maxLength": 1024,
            "description": "Checked when the license user has one"
          },
          "id_token": {
            "type": "string",
            "maxLength": 8192
          },
          "code": {
            "type": "string",
            "maxLength": 8192
          },
          "customer_account_code": {
            "type": "string",
            "maxLength": 1024
          },
          "redirect_uri": {
            "type": "string",
            "maxLength": 2048,
            "description": "Accepted and ignored"
          },
          "license_id": {
            "type": "integer"
          },
          "bundle_code": {
            "type": "string",
            "maxLength": 256,
            "description": "Accepted and ignored"
          },
          "sdk_ver": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 256
          },
          "consumptions": {
            "type": "integer",
            "default": 1,
            "description": "Added to total_consumptions (negative takes back); 1 when absent"
          },
          "allow_overages": {
            "type": "boolean",
            "description": "Stands for the license's own for this call (x-inferred)"
          },
          "max_overages": {
            "type": "integer",
            "minimum": 0,
            "description": "Stands for the license's own for this call (x-inferred)"
          },
          "ignore_events": {
            "type": "boolean",
            "description": "Accepted and ignored"
          },
          "event": {
            "type": "array",
            "items": {
              "type": "string",
              "enum": [
                "consumption_add",
                "offline_floating_consumptions_sync"
              ]
            },
            "description": "Accepted and ignored"
          }
        }
      },
      "AddFeatureConsumptionRequest": {
        "type": "object",
        "required": [
          "hardware_id",
          "product",
          "feature"
        ],
        "not": {
          "required": [
            "id_token",
            "code"
          ],
          "description": "id_token and code exclude each other: validation_error \"send either id_token or code, not both\" (x-inferred)"
        },
        "additionalProperties": false,
        "x-inferred": true,
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
          "password": {
            "type": "string",
            "maxLength": 1024,
            "description": "Checked when the license user has one"
          },
          "id_token": {
            "type": "string",
            "maxLength": 8192
          },
          "code": {
            "type": "string",
            "maxLength": 8192
          },
          "customer_account_code": {
            "type": "string",
            "maxLength": 1024
          },
          "redirect_uri": {
            "type": "string",
            "maxLength": 2048,
            "description": "Accepted and ignored"
          },
          "license_id": {
            "type": "integer"
          },
          "bundle_code": {
            "type": "string",
            "maxLength": 256,
            "description": "Accepted and ignored"
          },
          "sdk_ver": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 256
          },
          "feature": {
            "type": "string",
            "minLength": 1,
            "maxLength": 256,
            "description": "The feature code"
          },
          "consumptions": {
            "type": "integer",
            "default": 1
          },
          "event": {
            "type": "array",
            "items": {
              "type": "string",
              "enum": [
                "consumption_add",
                "offline_floating_consumptions_sync"
              ]
            },
            "description": "Accepted and ignored"
          }
        }
      },
      "FeatureDeviceRequest": {
        "type": "object",
        "required": [
          "hardware_id",
          "product",
          "feature"
        ],
        "not": {
          "required": [
            "id_token",
            "code"
          ],
          "description": "id_token and code exclude each other: validation_error \"send either id_token or code, not both\" (x-inferred)"
        },
        "additionalProperties": false,
        "x-inferred": true,
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
          "password": {
            "type": "string",
            "maxLength": 1024,
            "description": "Checked when the license user has one"
          },
          "id_token": {
            "type": "string",
            "maxLength": 8192
          },
          "code": {
            "type": "string",
            "maxLength": 8192
          },
          "customer_account_code": {
            "type": "string",
            "maxLength": 1024
          },
          "redirect_uri": {
            "type": "string",
            "maxLength": 2048,
            "description": "Accepted and ignored"
          },
          "license_id": {
            "type": "integer"
          },
          "bundle_code": {
            "type": "string",
            "maxLength": 256,
            "description": "Accepted and ignored"
          },
          "sdk_ver": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 256
          },
          "feature": {
            "type": "string",
            "minLength": 1,
            "maxLength": 256,
            "description": "The feature code"
          }
        }
      },
      "FloatingBorrowRequest": {
        "type": "object",
        "required": [
          "hardware_id",
          "product"
        ],
        "not": {
          "required": [
            "id_token",
            "code"
          ],
          "description": "id_token and code exclude each other: validation_error \"send either id_token or code, not both\" (x-inferred)"
        },
        "additionalProperties": false,
        "x-inferred": true,
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
          "password": {
            "type": "string",
            "maxLength": 1024,
            "description": "Checked when the license user has one"
          },
          "id_token": {
            "type": "string",
            "maxLength": 8192
          },
          "code": {
            "type": "string",
            "maxLength": 8192
          },
          "customer_account_code": {
            "type": "string",
            "maxLength": 1024
          },
          "redirect_uri": {
            "type": "string",
            "maxLength": 2048,
            "description": "Accepted and ignored"
          },
          "license_id": {
            "type": "integer"
          },
          "bundle_code": {
            "type": "string",
            "maxLength": 256,
            "description": "Accepted and ignored"
          },
          "sdk_ver": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 256
          },
          "borrowed_until": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 64,
            "description": "ISO 8601 instant; null (or absent) = now + max_borrow_time hours"
          }
        }
      },
      "FloatingFeatureBorrowRequest": {
        "type": "object",
        "required": [
          "hardware_id",
          "product",
          "feature"
        ],
        "not": {
          "required": [
            "id_token",
            "code"
          ],
          "description": "id_token and code exclude each other: validation_error \"send either id_token or code, not both\" (x-inferred)"
        },
        "additionalProperties": false,
        "x-inferred": true,
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
          "password": {
            "type": "string",
            "maxLength": 1024,
            "description": "Checked when the license user has one"
          },
          "id_token": {
            "type": "string",
            "maxLength": 8192
          },
          "code": {
            "type": "string",
            "maxLength": 8192
          },
          "customer_account_code": {
            "type": "string",
            "maxLength": 1024
          },
          "redirect_uri": {
            "type": "string",
            "maxLength": 2048,
            "description": "Accepted and ignored"
          },
          "license_id": {
            "type": "integer"
          },
          "bundle_code": {
            "type": "string",
            "maxLength": 256,
            "description": "Accepted and ignored"
          },
          "sdk_ver": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 256
          },
          "feature": {
            "type": "string",
            "minLength": 1,
            "maxLength": 256
          },
          "borrowed_until": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 64
          }
        }
      },
      "TrackDeviceVariablesRequest": {
        "type": "object",
        "required": [
          "hardware_id",
          "product"
        ],
        "not": {
          "required": [
            "id_token",
            "code"
          ],
          "description": "id_token and code exclude each other: validation_error \"send either id_token or code, not both\" (x-inferred)"
        },
        "additionalProperties": false,
        "x-inferred": true,
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
          "password": {
            "type": "string",
            "maxLength": 1024,
            "description": "Checked when the license user has one"
          },
          "id_token": {
            "type": "string",
            "maxLength": 8192
          },
          "code": {
            "type": "string",
            "maxLength": 8192
          },
          "customer_account_code": {
            "type": "string",
            "maxLength": 1024
          },
          "redirect_uri": {
            "type": "string",
            "maxLength": 2048,
            "description": "Accepted and ignored"
          },
          "license_id": {
            "type": "integer"
          },
          "bundle_code": {
            "type": "string",
            "maxLength": 256,
            "description": "Accepted and ignored"
          },
          "sdk_ver": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 256
          },
          "variables": {
            "type": "object",
            "maxProperties": 256,
            "additionalProperties": {
              "type": [
                "string",
                "number",
                "boolean"
              ],
              "maxLength": 4096
            }
          }
        }
      },
      "OfflineActivationRequest": {
        "type": "object",
        "description": "What activate_offline's body decodes to (its `request` in the wrapped form). Fields other\nSDKs write are accepted and ignored: the file is the SDK's, not the caller's (x-inferred).\n",
        "required": [
          "hardware_id",
          "product"
        ],
        "additionalProperties": true,
        "x-inferred": true,
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
          "password": {
            "type": "string",
            "maxLength": 1024,
            "description": "Checked when the license user has one"
          },
          "license_id": {
            "type": "integer"
          },
          "bundle_code": {
            "type": "string",
            "maxLength": 256,
            "description": "Accepted and ignored"
          },
          "request_id": {
            "type": "string",
            "maxLength": 256,
            "description": "Echoed in the answer (the Python SDK matches it to its guard file)"
          },
          "schema_version": {
            "type": "integer"
          },
          "date": {
            "type": "string",
            "maxLength": 256,
            "description": "When the SDK wrote the file (any text; not checked)"
          },
          "signature": {
            "type": "string",
            "maxLength": 1024,
            "description": "The flat form: HMAC-SHA256 over \"licenseSpring\\ndate: <date>\\n<license_key|username>\\n<hardware_id>\\n<api_key|client_id>\""
          },
          "api_key": {
            "type": "string",
            "maxLength": 256
          },
          "client_id": {
            "type": "string",
            "maxLength": 256
          },
          "sdk_ver": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 256
          },
          "app_name": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 256
          },
          "app_ver": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 256
          },
          "os_ver": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 1024
          },
          "hostname": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 1024
          },
          "ip": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 256
          },
          "mac_address": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 256
          },
          "is_vm": {
            "type": "boolean"
          },
          "vm_info": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 1024
          },
          "variables": {
            "description": "Device variables, as a map or as the SDKs' list of `{variable, value}`",
            "oneOf": [
              {
                "type": "object",
                "maxProperties": 256,
                "additionalProperties": {
                  "type": [
                    "string",
                    "number",
                    "boolean"
                  ],
                  "maxLength": 4096
                }
              },
              {
                "type": "array",
                "maxItems": 256,
                "items": {
                  "type": "object",
                  "required": [
                    "variable",
                    "value"
                  ],
                  "properties": {
                    "variable": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 256
                    },
                    "value": {
                      "type": [
                        "string",
                        "number",
                        "boolean"
                      ],
                      "maxLength": 4096
                    }
                  }
                }
              }
            ]
          },
          "request": {
            "type": "string",
            "enum": [
              "activation"
            ]
          }
        }
      },
      "OfflineDeactivationRequest": {
        "type": "object",
        "description": "What deactivate_offline's body decodes to. `consumptions` and each feature's `consumptions`\nare added (license and feature limits apply), `variables` stored on the device, before it is\ndeactivated (x-inferred).\n",
        "required": [
          "hardware_id",
          "product"
        ],
        "additionalProperties": true,
        "x-inferred": true,
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
          "password": {
            "type": "string",
            "maxLength": 1024,
            "description": "Checked when the license user has one"
          },
          "license_id": {
            "type": "integer"
          },
          "bundle_code": {
            "type": "string",
            "maxLength": 256,
            "description": "Accepted and ignored"
          },
          "request_id": {
            "type": "string",
            "maxLength": 256,
            "description": "Echoed in the answer (the Python SDK matches it to its guard file)"
          },
          "schema_version": {
            "type": "integer"
          },
          "date": {
            "type": "string",
            "maxLength": 256,
            "description": "When the SDK wrote the file (any text; not checked)"
          },
          "signature": {
            "type": "string",
            "maxLength": 1024,
            "description": "The flat form: HMAC-SHA256 over \"licenseSpring\\ndate: <date>\\n<license_key|username>\\n<hardware_id>\\n<api_key|client_id>\""
          },
          "api_key": {
            "type": "string",
            "maxLength": 256
          },
          "client_id": {
            "type": "string",
            "maxLength": 256
          },
          "sdk_ver": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 256
          },
          "app_name": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 256
          },
          "app_ver": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 256
          },
          "os_ver": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 1024
          },
          "hostname": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 1024
          },
          "ip": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 256
          },
          "mac_address": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 256
          },
          "is_vm": {
            "type": "boolean"
          },
          "vm_info": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 1024
          },
          "variables": {
            "description": "Device variables, as a map or as the SDKs' list of `{variable, value}`",
            "oneOf": [
              {
                "type": "object",
                "maxProperties": 256,
                "additionalProperties": {
                  "type": [
                    "string",
                    "number",
                    "boolean"
                  ],
                  "maxLength": 4096
                }
              },
              {
                "type": "array",
                "maxItems": 256,
                "items": {
                  "type": "object",
                  "required": [
                    "variable",
                    "value"
                  ],
                  "properties": {
                    "variable": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 256
                    },
                    "value": {
                      "type": [
                        "string",
                        "number",
                        "boolean"
                      ],
                      "maxLength": 4096
                    }
                  }
                }
              }
            ]
          },
          "request": {
            "type": "string",
            "enum": [
              "deactivation"
            ]
          },
          "consumptions": {
            "type": "integer"
          },
          "product_features": {
            "description": "Consumptions per feature, as `[{code, consumptions}]` or a map code → consumptions",
            "oneOf": [
              {
                "type": "array",
                "maxItems": 256,
                "items": {
                  "type": "object",
                  "required": [
                    "code"
                  ],
                  "properties": {
                    "code": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 256
                    },
                    "consumptions": {
                      "type": "integer"
                    }
                  }
                }
              },
              {
                "type": "object",
                "maxProperties": 256,
                "additionalProperties": {
                  "type": "integer"
                }
              }
            ]
          }
        }
      },
      "LicenseConsumption": {
        "type": "object",
        "required": [
          "id",
          "max_consumptions",
          "total_consumptions",
          "allow_unlimited_consumptions",
          "allow_negative_consumptions",
          "allow_overages",
          "max_overages"
        ],
        "properties": {
          "id": {
            "type": "integer",
            "description": "The license id"
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
          "company": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              }
            }
          }
        }
      },
      "FeatureConsumption": {
        "type": "object",
        "required": [
          "id",
          "license_id",
          "total_consumptions",
          "max_consumptions",
          "allow_unlimited_consumptions",
          "allow_negative_consumptions",
          "allow_overages",
          "max_overages"
        ],
        "properties": {
          "id": {
            "type": "integer",
            "description": "The license feature's id"
          },
          "license_id": {
            "type": "integer"
          },
          "total_consumptions": {
            "type": "integer"
          },
          "max_consumptions": {
            "type": "integer",
            "description": "Plural here",
            "singular (`max_consumption`) on the feature object": null
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
          "is_floating": {
            "type": "boolean"
          },
          "is_floating_cloud": {
            "type": "boolean"
          },
          "floating_timeout": {
            "type": "integer"
          },
          "floating_users": {
            "type": "integer"
          },
          "company": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              }
            }
          }
        }
      },
      "LicenseFeature": {
        "type": "object",
        "description": "A feature of a license (in `product_features` of the License object, and the answer of check_license_feature).",
        "required": [
          "id",
          "code",
          "name",
          "feature_type",
          "expiry_date",
          "metadata",
          "is_floating",
          "is_floating_cloud"
        ],
        "properties": {
          "id": {
            "type": "integer"
          },
          "license_id": {
            "type": "integer"
          },
          "code": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "feature_type": {
            "type": "string",
            "enum": [
              "activation",
              "consumption"
            ]
          },
          "expiry_date": {
            "type": [
              "string",
              "null"
            ]
          },
          "is_expired": {
            "type": "boolean"
          },
          "metadata": {
            "type": "object",
            "additionalProperties": true
          },
          "metadata_string": {
            "type": "string"
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
            "type": "integer",
            "description": "Minutes"
          },
          "floating_in_use_devices": {
            "type": "integer"
          },
          "max_consumption": {
            "type": "integer"
          },
          "total_consumptions": {
            "type": "integer"
          },
          "allow_overages": {
            "type": "boolean"
          },
          "max_overages": {
            "type": "integer"
          },
          "allow_unlimited_consumptions": {
            "type": "boolean"
          },
          "allow_negative_consumptions": {
            "type": "boolean"
          },
          "reset_consumption": {
            "type": "boolean"
          },
          "consumption_period": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "FloatingBorrow": {
        "type": "object",
        "required": [
          "borrowed_until",
          "max_borrow_time",
          "license_id"
        ],
        "properties": {
          "borrowed_until": {
            "type": "string",
            "description": "ISO 8601 instant with Z"
          },
          "max_borrow_time": {
            "type": "integer",
            "description": "Hours"
          },
          "device_id": {
            "type": "integer"
          },
          "license_id": {
            "type": "integer"
          },
          "company": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              }
            }
          }
        }
      },
      "TrialKey": {
        "type": "object",
        "x-inferred": true,
        "description": "A new trial: the license's fields with `license` (and `license_key`) for key-based products,\nor `license_user`, `initial_password`, `license_user_id` and `max_license_users` for\nuser-based ones. This machine's existing trial: `license_type`, `is_trial` and `license`\n(or `license_user`).\n",
        "required": [
          "license_type",
          "is_trial"
        ],
        "properties": {
          "id": {
            "type": "integer"
          },
          "license": {
            "type": "string"
          },
          "license_key": {
            "type": "string"
          },
          "license_user": {
            "type": "string"
          },
          "initial_password": {
            "type": "string"
          },
          "license_user_id": {
            "type": "integer"
          },
          "max_license_users": {
            "type": "integer"
          },
          "license_type": {
            "type": "string"
          },
          "is_trial": {
            "type": "boolean",
            "const": true
          },
          "trial_days": {
            "type": "integer"
          },
          "validity_period": {
            "type": [
              "string",
              "null"
            ]
          },
          "max_activations": {
            "type": "integer"
          },
          "times_activated": {
            "type": "integer"
          },
          "active": {
            "type": "boolean"
          },
          "enabled": {
            "type": "boolean"
          },
          "product_id": {
            "type": "integer"
          }
        }
      },
      "ProductVersion": {
        "type": "object",
        "required": [
          "version",
          "release_date",
          "environment",
          "channel",
          "enabled"
        ],
        "properties": {
          "id": {
            "type": "integer"
          },
          "version": {
            "type": "string"
          },
          "release_date": {
            "type": [
              "string",
              "null"
            ]
          },
          "full_link": {
            "type": [
              "string",
              "null"
            ]
          },
          "filename": {
            "type": [
              "string",
              "null"
            ]
          },
          "hash_md5": {
            "type": [
              "string",
              "null"
            ]
          },
          "environment": {
            "type": [
              "string",
              "null"
            ]
          },
          "eula_link": {
            "type": [
              "string",
              "null"
            ]
          },
          "release_notes_link": {
            "type": [
              "string",
              "null"
            ]
          },
          "size": {
            "type": [
              "string",
              "null"
            ]
          },
          "requires_version": {
            "type": [
              "string",
              "null"
            ]
          },
          "channel": {
            "type": [
              "string",
              "null"
            ]
          },
          "enabled": {
            "type": "boolean"
          },
          "product_id": {
            "type": "integer"
          }
        }
      },
      "CustomField": {
        "type": "object",
        "required": [
          "name",
          "value"
        ],
        "properties": {
          "id": {
            "type": "integer"
          },
          "name": {
            "type": "string"
          },
          "value": {
            "type": "string"
          },
          "default_value": {
            "type": "string"
          }
        }
      },
      "ProductDetails": {
        "type": "object",
        "required": [
          "product_id",
          "product_name",
          "short_code",
          "authorization_method",
          "allow_trial",
          "trial_days",
          "floating_timeout",
          "prevent_vm",
          "metadata"
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
          "allow_trial": {
            "type": "boolean"
          },
          "trial_days": {
            "type": "integer"
          },
          "floating_timeout": {
            "type": "integer",
            "description": "Minutes"
          },
          "max_borrow_time": {
            "type": "integer",
            "description": "Hours"
          },
          "allow_overages": {
            "type": "boolean"
          },
          "max_overages": {
            "type": "integer"
          },
          "prevent_vm": {
            "type": "boolean"
          },
          "metadata": {
            "type": "object",
            "additionalProperties": true
          },
          "company": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              }
            }
          },
          "latest_version": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/ProductVersion"
              },
              {
                "type": "null"
              }
            ]
          },
          "custom_fields": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/CustomField"
            }
          }
        }
      },
      "TrackedVariable": {
        "type": "object",
        "required": [
          "variable",
          "value",
          "device_id",
          "created_at"
        ],
        "properties": {
          "variable": {
            "type": "string"
          },
          "value": {
            "type": [
              "string",
              "number",
              "boolean"
            ]
          },
          "device_id": {
            "type": "integer"
          },
          "created_at": {
            "type": "integer",
            "description": "Milliseconds since the epoch"
          }
        }
      },
      "DeviceVariable": {
        "type": "object",
        "required": [
          "id",
          "variable",
          "value",
          "device_id",
          "created_at"
        ],
        "properties": {
          "id": {
            "type": "integer"
          },
          "variable": {
            "type": "string"
          },
          "value": {
            "type": [
              "string",
              "number",
              "boolean"
            ]
          },
          "device_id": {
            "type": "integer"
          },
          "created_at": {
            "type": "string",
            "description": "ISO 8601 instant with Z"
          }
        }
      },
      "VersionEntry": {
        "type": "object",
        "required": [
          "version",
          "release_date"
        ],
        "properties": {
          "version": {
            "type": "string"
          },
          "release_date": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "InstallationFile": {
        "type": "object",
        "required": [
          "version",
          "installation_file",
          "release_date",
          "environment",
          "channel"
        ],
        "properties": {
          "id": {
            "type": "integer"
          },
          "version": {
            "type": "string"
          },
          "installation_file": {
            "type": [
              "string",
              "null"
            ]
          },
          "release_date": {
            "type": [
              "string",
              "null"
            ]
          },
          "hash_md5": {
            "type": [
              "string",
              "null"
            ]
          },
          "environment": {
            "type": [
              "string",
              "null"
            ]
          },
          "eula_link": {
            "type": [
              "string",
              "null"
            ]
          },
          "release_notes_link": {
            "type": [
              "string",
              "null"
            ]
          },
          "size": {
            "type": [
              "string",
              "null"
            ]
          },
          "requires_version": {
            "type": [
              "string",
              "null"
            ]
          },
          "channel": {
            "type": [
              "string",
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
          }
        }
      },
      "ChangePasswordRequest": {
        "type": "object",
        "required": [
          "username",
          "password",
          "new_password"
        ],
        "additionalProperties": false,
        "properties": {
          "username": {
            "type": "string",
            "minLength": 1,
            "maxLength": 1024
          },
          "password": {
            "type": "string",
            "maxLength": 1024
          },
          "new_password": {
            "type": "string",
            "minLength": 1,
            "maxLength": 1024
          }
        }
      },
      "UserLicense": {
        "type": "object",
        "required": [
          "license",
          "user"
        ],
        "properties": {
          "license": {
            "$ref": "#/components/schemas/UserLicenseLicense"
          },
          "user": {
            "$ref": "#/components/schemas/LicenseUser"
          }
        }
      },
      "UserLicenseLicense": {
        "description": "A license as user_licenses lists it, with no device and so no v1 signature.",
        "allOf": [
          {
            "$ref": "#/components/schemas/LicenseFields"
          },
          {
            "type": "object",
            "required": [
              "license_active",
              "license_enabled",
              "is_expired"
            ],
            "properties": {
              "license_active": {
                "type": "boolean",
                "description": "Active on some device"
              },
              "license_enabled": {
                "type": "boolean"
              },
              "is_expired": {
                "type": "boolean"
              }
            }
          }
        ]
      },
      "CustomerLicenseUsers": {
        "type": "object",
        "required": [
          "company",
          "customer",
          "users"
        ],
        "properties": {
          "company": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              }
            }
          },
          "customer": {
            "allOf": [
              {
                "$ref": "#/components/schemas/Customer"
              },
              {
                "type": "object",
                "properties": {
                  "customer_account": {
                    "type": [
                      "object",
                      "null"
                    ]
                  }
                }
              }
            ]
          },
          "users": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "email",
                "is_active",
                "license_id"
              ],
              "properties": {
                "email": {
                  "type": "string"
                },
                "is_active": {
                  "type": "boolean"
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
                "initial_password": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "max_activations": {
                  "type": "integer"
                },
                "total_activations": {
                  "type": "integer"
                },
                "allow_unlimited_activations": {
                  "type": "boolean"
                },
                "license_id": {
                  "type": "integer"
                },
                "order_store_id": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "order_id": {
                  "type": "integer"
                }
              }
            }
          }
        }
      },
      "SsoUrl": {
        "type": "object",
        "required": [
          "url",
          "openid_configuration",
          "alternate_urls"
        ],
        "properties": {
          "url": {
            "type": "string"
          },
          "openid_configuration": {
            "type": "object",
            "required": [
              "issuer",
              "authorization_endpoint"
            ],
            "properties": {
              "issuer": {
                "type": "string"
              },
              "authorization_endpoint": {
                "type": "string"
              },
              "token_endpoint": {
                "type": "string"
              }
            }
          },
          "alternate_urls": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "TokenRequest": {
        "type": "object",
        "properties": {
          "grant_type": {
            "type": "string"
          },
          "client_id": {
            "type": "string"
          },
          "client_secret": {
            "type": "string"
          },
          "scope": {
            "type": "string"
          }
        }
      },
      "Token": {
        "type": "object",
        "required": [
          "access_token",
          "expires_in",
          "token_type"
        ],
        "properties": {
          "access_token": {
            "type": "string"
          },
          "expires_in": {
            "type": "integer",
            "description": "Seconds"
          },
          "refresh_expires_in": {
            "type": "integer"
          },
          "token_type": {
            "type": "string",
            "const": "Bearer"
          },
          "not-before-policy": {
            "type": "integer"
          },
          "scope": {
            "type": "string"
          }
        }
      },
      "OAuthError": {
        "type": "object",
        "description": "Keycloak's error body (the token endpoint only).",
        "required": [
          "error",
          "error_description"
        ],
        "additionalProperties": false,
        "properties": {
          "error": {
            "type": "string",
            "enum": [
              "invalid_request",
              "unsupported_grant_type",
              "invalid_client",
              "unauthorized_client"
            ]
          },
          "error_description": {
            "type": "string"
          }
        }
      },
      "OfflineActivation": {
        "allOf": [
          {
            "$ref": "#/components/schemas/ActivateLicenseResponse"
          },
          {
            "type": "object",
            "required": [
              "date",
              "offline_signature",
              "license_signature_v2"
            ],
            "properties": {
              "date": {
                "type": "string",
                "description": "RFC 7231 date the offline_signature covers"
              },
              "request_id": {
                "type": "string",
                "description": "The request's own",
                "echoed": null
              },
              "username": {
                "type": "string",
                "description": "User-based licenses (the Node SDK reads it for v1)"
              },
              "offline_signature": {
                "type": "string"
              },
              "license_signature_v2": {
                "type": "string"
              }
            }
          }
        ]
      },
      "Customer": {
        "type": "object",
        "required": [
          "email"
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
          "company_name": {
            "type": "string"
          },
          "phone": {
            "type": "string"
          },
          "reference": {
            "type": "string"
          },
          "address": {
            "type": "string"
          },
          "postcode": {
            "type": "string"
          },
          "city": {
            "type": "string"
          },
          "state": {
            "type": "string"
          },
          "country": {
            "type": "string"
          },
          "metadata": {
            "type": "object",
            "additionalProperties": true
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
                  "string",
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
          "disabled_product",
          "archived_product",
          "unsupported_product_feature",
          "invalid_license_feature_code",
          "feature_not_consumption",
          "feature_not_floating",
          "floating_feature_device_not_in_use",
          "floating_not_available",
          "license_not_floating",
          "borrow_until_not_valid",
          "missing_hardware_id",
          "trial_not_allowed",
          "email_missing",
          "trial_expired",
          "active_license_required",
          "version_not_found",
          "change_password_not_allowed",
          "customer_does_not_exist",
          "customer_not_found",
          "customer_account_not_found",
          "missing_content",
          "oauth_token_expired",
          "oauth_token_malformed",
          "license_activated_max_times",
          "license_user_activated_max_times",
          "license_device_exists",
          "offline_floating_cloud_not_supported",
          "internal_error",
          "payload_too_large",
          "headers_too_large",
          "invalid_prefer_header",
          "host_not_allowed",
          "state_not_saved"
        ]
      }
    }
  }
} as const

/** Every operation: its method, path, how its request arrives and the schema that validates it. */
export const operations = {
  "deactivateLicense": {
    "method": "POST",
    "path": "/api/v4/deactivate_license",
    "success": {
      "type": "application/json",
      "schema": {
        "$ref": "spec#/components/schemas/DeactivateLicenseResponse"
      }
    },
    "input": "json",
    "schema": {
      "$ref": "spec#/components/schemas/DeactivateLicenseRequest"
    }
  },
  "activateLicense": {
    "method": "POST",
    "path": "/api/v4/activate_license",
    "success": {
      "type": "application/json",
      "schema": {
        "$ref": "spec#/components/schemas/ActivateLicenseResponse"
      }
    },
    "input": "json",
    "schema": {
      "$ref": "spec#/components/schemas/ActivateLicenseRequest"
    }
  },
  "checkLicense": {
    "method": "GET",
    "path": "/api/v4/check_license",
    "success": {
      "type": "application/json",
      "schema": {
        "$ref": "spec#/components/schemas/CheckLicenseResponse"
      }
    },
    "input": "query",
    "schema": {
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
  },
  "addConsumption": {
    "method": "POST",
    "path": "/api/v4/add_consumption",
    "success": {
      "type": "application/json",
      "schema": {
        "$ref": "spec#/components/schemas/LicenseConsumption"
      }
    },
    "input": "json",
    "schema": {
      "$ref": "spec#/components/schemas/AddConsumptionRequest"
    }
  },
  "addFeatureConsumption": {
    "method": "POST",
    "path": "/api/v4/add_feature_consumption",
    "success": {
      "type": "application/json",
      "schema": {
        "$ref": "spec#/components/schemas/FeatureConsumption"
      }
    },
    "input": "json",
    "schema": {
      "$ref": "spec#/components/schemas/AddFeatureConsumptionRequest"
    }
  },
  "checkLicenseFeature": {
    "method": "GET",
    "path": "/api/v4/check_license_feature",
    "success": {
      "type": "application/json",
      "schema": {
        "$ref": "spec#/components/schemas/LicenseFeature"
      }
    },
    "input": "query",
    "schema": {
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
        "bundle_code": {
          "type": "string",
          "maxLength": 256
        },
        "sdk_ver": {
          "type": "string",
          "maxLength": 256
        },
        "feature": {
          "type": "string",
          "minLength": 1,
          "maxLength": 256
        },
        "include_metadata_string": {
          "type": "boolean"
        }
      },
      "required": [
        "hardware_id",
        "product",
        "feature"
      ]
    }
  },
  "floatingRelease": {
    "method": "POST",
    "path": "/api/v4/floating/release",
    "success": {
      "type": "text/plain",
      "schema": {
        "type": "string",
        "maxLength": 0
      }
    },
    "input": "json",
    "schema": {
      "$ref": "spec#/components/schemas/LicenseDeviceRequest"
    }
  },
  "floatingBorrow": {
    "method": "POST",
    "path": "/api/v4/floating/borrow",
    "success": {
      "type": "application/json",
      "schema": {
        "$ref": "spec#/components/schemas/FloatingBorrow"
      }
    },
    "input": "json",
    "schema": {
      "$ref": "spec#/components/schemas/FloatingBorrowRequest"
    }
  },
  "floatingFeatureBorrow": {
    "method": "POST",
    "path": "/api/v4/floating/feature_borrow",
    "success": {
      "type": "application/json",
      "schema": {
        "$ref": "spec#/components/schemas/FloatingBorrow"
      }
    },
    "input": "json",
    "schema": {
      "$ref": "spec#/components/schemas/FloatingFeatureBorrowRequest"
    }
  },
  "floatingFeatureRelease": {
    "method": "POST",
    "path": "/api/v4/floating/feature_release",
    "success": {
      "type": "text/plain",
      "schema": {
        "type": "string",
        "maxLength": 0
      }
    },
    "input": "json",
    "schema": {
      "$ref": "spec#/components/schemas/FeatureDeviceRequest"
    }
  },
  "trialKey": {
    "method": "GET",
    "path": "/api/v4/trial_key",
    "success": {
      "type": "application/json",
      "schema": {
        "$ref": "spec#/components/schemas/TrialKey"
      }
    },
    "input": "query",
    "schema": {
      "type": "object",
      "properties": {
        "product": {
          "type": "string",
          "minLength": 1,
          "maxLength": 256
        },
        "hardware_id": {
          "type": "string",
          "maxLength": 1024
        },
        "email": {
          "type": "string",
          "maxLength": 1024
        },
        "license_policy": {
          "type": "string",
          "maxLength": 256
        },
        "first_name": {
          "type": "string",
          "maxLength": 256
        },
        "last_name": {
          "type": "string",
          "maxLength": 256
        },
        "phone": {
          "type": "string",
          "maxLength": 256
        },
        "address": {
          "type": "string",
          "maxLength": 1024
        },
        "postcode": {
          "type": "string",
          "maxLength": 64
        },
        "state": {
          "type": "string",
          "maxLength": 256
        },
        "country": {
          "type": "string",
          "maxLength": 256
        },
        "city": {
          "type": "string",
          "maxLength": 256
        },
        "reference": {
          "type": "string",
          "maxLength": 256
        },
        "company_name": {
          "type": "string",
          "maxLength": 256
        },
        "sdk_ver": {
          "type": "string",
          "maxLength": 256
        }
      },
      "required": [
        "product"
      ]
    }
  },
  "productDetails": {
    "method": "GET",
    "path": "/api/v4/product_details",
    "success": {
      "type": "application/json",
      "schema": {
        "$ref": "spec#/components/schemas/ProductDetails"
      }
    },
    "input": "query",
    "schema": {
      "type": "object",
      "properties": {
        "product": {
          "type": "string",
          "minLength": 1,
          "maxLength": 256
        },
        "include_latest_version": {
          "type": "boolean"
        },
        "include_custom_fields": {
          "type": "boolean"
        },
        "include_expired_features": {
          "type": "boolean"
        },
        "env": {
          "type": "string",
          "maxLength": 256
        }
      },
      "required": [
        "product"
      ]
    }
  },
  "trackDeviceVariables": {
    "method": "POST",
    "path": "/api/v4/track_device_variables",
    "success": {
      "type": "application/json",
      "schema": {
        "type": "array",
        "items": {
          "$ref": "spec#/components/schemas/TrackedVariable"
        }
      }
    },
    "input": "json",
    "schema": {
      "$ref": "spec#/components/schemas/TrackDeviceVariablesRequest"
    }
  },
  "getDeviceVariables": {
    "method": "GET",
    "path": "/api/v4/get_device_variables",
    "success": {
      "type": "application/json",
      "schema": {
        "type": "array",
        "items": {
          "$ref": "spec#/components/schemas/DeviceVariable"
        }
      }
    },
    "input": "query",
    "schema": {
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
        "bundle_code": {
          "type": "string",
          "maxLength": 256
        },
        "sdk_ver": {
          "type": "string",
          "maxLength": 256
        }
      },
      "required": [
        "hardware_id",
        "product"
      ]
    }
  },
  "versions": {
    "method": "GET",
    "path": "/api/v4/versions",
    "success": {
      "type": "application/json",
      "schema": {
        "type": "array",
        "items": {
          "$ref": "spec#/components/schemas/VersionEntry"
        }
      }
    },
    "input": "query",
    "schema": {
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
        "bundle_code": {
          "type": "string",
          "maxLength": 256
        },
        "sdk_ver": {
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
        }
      },
      "required": [
        "hardware_id",
        "product"
      ]
    }
  },
  "installationFile": {
    "method": "GET",
    "path": "/api/v4/installation_file",
    "success": {
      "type": "application/json",
      "schema": {
        "$ref": "spec#/components/schemas/InstallationFile"
      }
    },
    "input": "query",
    "schema": {
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
        "bundle_code": {
          "type": "string",
          "maxLength": 256
        },
        "sdk_ver": {
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
        "version": {
          "type": "string",
          "maxLength": 256
        }
      },
      "required": [
        "hardware_id",
        "product"
      ]
    }
  },
  "activateBundle": {
    "method": "POST",
    "path": "/api/v4/activate_bundle",
    "success": {
      "type": "application/json",
      "schema": {
        "type": "array",
        "items": {
          "$ref": "spec#/components/schemas/ActivateLicenseResponse"
        }
      }
    },
    "input": "json",
    "schema": {
      "$ref": "spec#/components/schemas/ActivateLicenseRequest"
    }
  },
  "checkBundle": {
    "method": "GET",
    "path": "/api/v4/check_bundle",
    "success": {
      "type": "application/json",
      "schema": {
        "type": "array",
        "items": {
          "$ref": "spec#/components/schemas/CheckLicenseResponse"
        }
      }
    },
    "input": "query",
    "schema": {
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
        "sdk_ver": {
          "type": "string",
          "maxLength": 256
        },
        "include_expired_features": {
          "type": "boolean"
        },
        "env": {
          "type": "string",
          "maxLength": 256
        }
      },
      "required": [
        "hardware_id",
        "product"
      ]
    }
  },
  "deactivateBundle": {
    "method": "POST",
    "path": "/api/v4/deactivate_bundle",
    "success": {
      "type": "application/json",
      "schema": {
        "$ref": "spec#/components/schemas/DeactivateLicenseResponse"
      }
    },
    "input": "json",
    "schema": {
      "$ref": "spec#/components/schemas/DeactivateLicenseRequest"
    }
  },
  "userLicenses": {
    "method": "GET",
    "path": "/api/v4/user_licenses",
    "success": {
      "type": "application/json",
      "schema": {
        "type": "array",
        "items": {
          "$ref": "spec#/components/schemas/UserLicense"
        }
      }
    },
    "input": "query",
    "schema": {
      "type": "object",
      "properties": {
        "product": {
          "type": "string",
          "minLength": 1,
          "maxLength": 256
        },
        "username": {
          "type": "string",
          "maxLength": 1024
        },
        "password": {
          "type": "string",
          "maxLength": 1024
        },
        "id_token": {
          "type": "string",
          "maxLength": 8192
        },
        "code": {
          "type": "string",
          "maxLength": 8192
        },
        "customer_account_code": {
          "type": "string",
          "maxLength": 1024
        },
        "redirect_uri": {
          "type": "string",
          "maxLength": 2048
        }
      },
      "required": [
        "product"
      ]
    }
  },
  "customerLicenseUsers": {
    "method": "GET",
    "path": "/api/v4/customer_license_users",
    "success": {
      "type": "application/json",
      "schema": {
        "$ref": "spec#/components/schemas/CustomerLicenseUsers"
      }
    },
    "input": "query",
    "schema": {
      "type": "object",
      "properties": {
        "product": {
          "type": "string",
          "minLength": 1,
          "maxLength": 256
        },
        "customer": {
          "type": "string",
          "minLength": 1,
          "maxLength": 1024
        },
        "bundle_code": {
          "type": "string",
          "maxLength": 256
        }
      },
      "required": [
        "product",
        "customer"
      ]
    }
  },
  "ssoUrl": {
    "method": "GET",
    "path": "/api/v4/sso_url",
    "success": {
      "type": "application/json",
      "schema": {
        "$ref": "spec#/components/schemas/SsoUrl"
      }
    },
    "input": "query",
    "schema": {
      "type": "object",
      "properties": {
        "product": {
          "type": "string",
          "minLength": 1,
          "maxLength": 256
        },
        "customer_account_code": {
          "type": "string",
          "minLength": 1,
          "maxLength": 1024
        },
        "response_type": {
          "type": "string",
          "enum": [
            "code",
            "token"
          ]
        },
        "redirect_uri": {
          "type": "string",
          "maxLength": 2048
        },
        "bundle_code": {
          "type": "string",
          "maxLength": 256
        }
      },
      "required": [
        "product",
        "customer_account_code"
      ]
    }
  },
  "changePassword": {
    "method": "POST",
    "path": "/api/v4/change_password",
    "success": {
      "type": "application/json",
      "schema": {
        "type": "string",
        "const": "password_changed"
      }
    },
    "input": "json",
    "schema": {
      "$ref": "spec#/components/schemas/ChangePasswordRequest"
    }
  },
  "oauthUrl": {
    "method": "GET",
    "path": "/api/v4/oauth_url",
    "success": {
      "type": "application/json",
      "schema": {
        "type": "object",
        "required": [
          "url",
          "login_type"
        ],
        "properties": {
          "url": {
            "type": "string"
          },
          "login_type": {
            "type": "string"
          }
        }
      }
    },
    "input": "query",
    "schema": {
      "type": "object",
      "properties": {
        "login_type": {
          "type": "string",
          "enum": [
            "client_credentials"
          ]
        }
      },
      "required": [
        "login_type"
      ]
    }
  },
  "oauthToken": {
    "method": "POST",
    "path": "/realms/user-portal/protocol/openid-connect/token",
    "success": {
      "type": "application/json",
      "schema": {
        "$ref": "spec#/components/schemas/Token"
      }
    },
    "input": "form",
    "schema": {
      "$ref": "spec#/components/schemas/TokenRequest"
    }
  },
  "activateOffline": {
    "method": "POST",
    "path": "/api/v4/activate_offline",
    "success": {
      "type": "application/json",
      "schema": {
        "$ref": "spec#/components/schemas/OfflineActivation"
      }
    },
    "input": "text",
    "schema": {
      "type": "string",
      "maxLength": 1048576
    }
  },
  "deactivateOffline": {
    "method": "POST",
    "path": "/api/v4/deactivate_offline",
    "success": {
      "type": "application/json",
      "schema": {
        "$ref": "spec#/components/schemas/DeactivateLicenseResponse"
      }
    },
    "input": "text",
    "schema": {
      "type": "string",
      "maxLength": 1048576
    }
  },
  "root": {
    "method": "GET",
    "path": "/",
    "success": {
      "type": "application/json",
      "schema": {
        "type": "object",
        "required": [
          "status"
        ],
        "properties": {
          "status": {
            "type": "string",
            "const": "ok"
          }
        }
      }
    },
    "input": "query",
    "schema": {
      "type": "object",
      "properties": {},
      "required": []
    }
  }
} as const
