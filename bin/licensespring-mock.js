#!/usr/bin/env node
// The CLI entry point: TypeScript sources run through tsx's ESM loader.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../src/cli.ts')
process.exitCode = await main(process.argv.slice(2))
