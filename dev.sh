#!/usr/bin/env bash
# Development helper with the seed's verbs, each mapped to the dotnet command that does it.
set -euo pipefail
cd "$(dirname "$0")"

case "${1:-help}" in
  install) dotnet restore SlotBooking.sln ;;                                   # fetch NuGet packages
  dev)     dotnet watch --project src/Host run ;;                              # run with hot reload
  start)   dotnet run --project src/Host -c Release ;;                         # run optimised
  test)    dotnet test SlotBooking.sln ;;                                      # the whole test suite
  check)   dotnet build SlotBooking.sln -warnaserror && dotnet format SlotBooking.sln --verify-no-changes ;;  # compile + style
  clean)   dotnet clean SlotBooking.sln && find . -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} + ;;
  client)  shift; dotnet run --project src/Client -- "$@" ;;                   # the console client (demo, load, ...)
  cluster) shift; exec bench/cluster.sh "$@" ;;                                # PostgreSQL + three nodes; Ctrl-C stops all
  *)
    echo "usage: ./dev.sh install|dev|start|test|check|clean|client|cluster [args]"
    exit 1
    ;;
esac
