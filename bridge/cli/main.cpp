// The `glassland` command line. Errors in user input end the program with one line on
// stderr ("glassland: <where>: <what>") and exit status 1 (bad option values included); other CLI
// usage errors (unknown or missing options) exit with CLI11's code.
#include <exception>
#include <iostream>

#include <CLI/CLI.hpp>

#include "bridge/cli/Commands.hpp"
#include "bridge/cli/OptionNames.hpp"
#include "glassland/Version.hpp"
#include "md/Error.hpp"

int main(int argc, char** argv) {
  CLI::App app{"glassland: metallic-glass physics from MD to laboratory timescales"};
  app.set_version_flag("--version", glassland::kVersion);
  app.require_subcommand(1);
  glassland::bridge::register_all_commands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ValidationError& e) {  // a bad option value is bad input: status 1, like InputError
    std::cerr << "glassland: " << e.what() << std::endl;
    return 1;
  } catch (const CLI::ConversionError& e) {
    std::cerr << "glassland: " << e.what() << std::endl;
    return 1;
  } catch (const CLI::ParseError& e) {
    // One line, like every other input error (CLI11's own printer adds a "--help" line).
    std::cerr << "glassland: " << e.what() << std::endl;
    return e.get_exit_code() > 0 && e.get_exit_code() < 128 ? e.get_exit_code() : 2;
  } catch (const glassland::InputError& e) {
    std::cerr << "glassland: " << glassland::bridge::in_command_terms(app, e).what() << std::endl;
    return 1;
  } catch (const glassland::InternalError& e) {
    std::cerr << "glassland: internal error (please report): " << e.what() << std::endl;
    return 70;
  } catch (const std::exception& e) {
    std::cerr << "glassland: error: " << e.what() << std::endl;
    return 1;
  }
  return 0;
}
