namespace AlloIndustrie.Tests;
