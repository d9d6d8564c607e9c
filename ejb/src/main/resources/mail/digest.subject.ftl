Daily digest for ${dayShort}: ${itemCount} <#if itemCount == 1>item<#else>items</#if> to look at
